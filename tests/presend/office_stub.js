/*
 * A stand-in for office.js in tests: the part of the Office.js surface the add-in uses.
 *
 * The draft comes from window.CG_TEST (set before the page's scripts run). Every call the
 * add-in makes is answered asynchronously, as Outlook answers it, and recorded on
 * window.cgStub: event.completed options, headers set, notifications shown. A blocked send
 * is drawn as Outlook's Smart Alerts dialog draws it, for the README's screenshot.
 */
(function () {
  var test = window.CG_TEST || {};
  var draft = test.draft || {};
  var stub = { completed: [], headers: Object.assign({}, test.headers || {}), notifications: [], handlers: {} };
  window.cgStub = stub;

  function answer(callback, value) {
    setTimeout(function () { callback({ status: "succeeded", value: value }); }, 0);
  }
  function people(list) {
    return (list || []).map(function (p) { return { displayName: p.name || "", emailAddress: p.address }; });
  }
  function field(value) { return { getAsync: function (callback) { answer(callback, value); } }; }

  var item = {
    from: field({ displayName: (draft.from || {}).name || "", emailAddress: (draft.from || {}).address || "" }),
    to: field(people(draft.to)), cc: field(people(draft.cc)), bcc: field(people(draft.bcc)),
    subject: field(draft.subject || ""),
    body: { getAsync: function (coercion, callback) { answer(callback, coercion === "html" ? draft.html || "" : draft.text || ""); } },
    getAttachmentsAsync: function (callback) {
      answer(callback, (draft.attachments || []).map(function (a, i) {
        return { id: "att" + i, name: a.name, contentType: a.content_type, size: a.content.length, isInline: false };
      }));
    },
    getAttachmentContentAsync: function (id, callback) {
      var a = draft.attachments[Number(id.slice(3))];
      answer(callback, { format: a.format || "base64", content: a.content });
    },
    internetHeaders: {
      getAsync: function (names, callback) {
        var found = {};
        names.forEach(function (n) { if (stub.headers[n]) found[n] = stub.headers[n]; });
        answer(callback, found);
      },
      setAsync: function (headers, callback) { Object.assign(stub.headers, headers); answer(callback, undefined); },
    },
    notificationMessages: {
      replaceAsync: function (key, message, callback) { stub.notifications.push({ key: key, message: message }); answer(callback, undefined); },
    },
  };

  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: {
      SendModeOverride: { PromptUser: "promptUser" },
      ItemNotificationMessageType: { InformationalMessage: "informationalMessage" },
    },
    context: { mailbox: { item: item, userProfile: { displayName: "", emailAddress: (draft.from || {}).address || "" } } },
    actions: { associate: function (name, handler) { stub.handlers[name] = handler; } },
    onReady: function (callback) { setTimeout(function () { callback({ host: "Outlook" }); }, 0); },
  };

  function markdown(text) {
    var escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return escaped.split(/\n\n/).map(function (para) {
      return "<p>" + para.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/\\(.)/g, "$1") + "</p>";
    }).join("");
  }

  function drawDialog(options) {
    var dialog = document.createElement("div");
    dialog.id = "smart-alerts-dialog";
    dialog.setAttribute("role", "alertdialog");
    dialog.innerHTML =
      '<div class="sa-title"><span class="sa-icon"></span>Correspondence Guard</div>' +
      '<div class="sa-message">' + markdown(options.errorMessageMarkdown || options.errorMessage || "") + "</div>" +
      '<div class="sa-buttons">' +
      (options.sendModeOverride === "promptUser" ? '<button class="sa-send">Send Anyway</button>' : "") +
      '<button class="sa-cancel"></button></div>';
    dialog.querySelector(".sa-cancel").textContent = options.cancelLabel || "Don't Send";
    var style = document.createElement("style");
    style.textContent =
      "body{margin:0;background:#e8e8e8;font-family:'Segoe UI',system-ui,sans-serif}" +
      "#smart-alerts-dialog{width:520px;margin:24px;background:#fff;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.25);padding:20px 24px;color:#242424;font-size:14px;line-height:1.45}" +
      ".sa-title{font-size:17px;font-weight:600;margin-bottom:8px;display:flex;align-items:center;gap:8px}" +
      ".sa-icon{width:20px;height:20px;border-radius:4px;background:#0f6cbd}" +
      ".sa-buttons{display:flex;justify-content:flex-end;gap:8px;margin-top:16px}" +
      ".sa-buttons button{font:inherit;padding:5px 16px;border-radius:4px;border:1px solid #d1d1d1;background:#fff}" +
      ".sa-buttons .sa-cancel{background:#0f6cbd;color:#fff;border-color:#0f6cbd}";
    document.head.appendChild(style);
    document.body.appendChild(dialog);
  }

  /** Press Send: run the OnMessageSend handler with an event that records completed(). */
  stub.send = function () {
    var started = performance.now();
    stub.handlers.onMessageSendHandler({
      completed: function (options) {
        stub.elapsedMs = performance.now() - started;
        stub.completed.push(options);
        if (options && options.allowEvent === false) drawDialog(options);
      },
    });
  };
})();
