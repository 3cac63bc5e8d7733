/*
 * correspondence-guard for Outlook: the OnMessageSend handler (Smart Alerts).
 *
 * On Send, the draft (from, to, cc, bcc, subject, text and HTML body, attachments, and any
 * override already recorded) is posted to the council's correspondence-guard service.
 * A finding blocks the send with a message naming the protocol clause and the fix; the
 * dialog's second button opens the task pane where the sender may record a justification.
 * When the service cannot be reached the message is sent, with a warning, as Smart Alerts
 * itself does when an add-in is unavailable.
 *
 * Classic Outlook loads this file alone in its JavaScript-only runtime, so the council's
 * settings are here too (see addins/outlook/README.md); the task pane reuses it.
 */

var CG_CONFIG = (typeof CG_CONFIG !== "undefined" && CG_CONFIG) || {
  serviceUrl: "https://correspondence-guard.council.example/",
  token: "",
  timeoutMs: 8000,
};
var CG_OVERRIDE_HEADER = "X-Correspondence-Guard-Override";
var CG_PANE_COMMAND = "cgJustifyPane";

/** An Office callback API as a promise of its value. */
function cgAsync(start) {
  return new Promise(function (resolve, reject) {
    start(function (result) {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error((result.error && result.error.message) || "Outlook could not read the message"));
    });
  });
}

function cgRecipients(field) {
  return cgAsync(function (done) { field.getAsync(done); }).then(function (list) {
    return (list || []).map(function (r) { return { name: r.displayName || "", address: r.emailAddress || "" }; });
  });
}

function cgBase64Text(text) {
  var bytes = new TextEncoder().encode(text);
  var binary = "";
  for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Each attachment's content: files as they are, attached messages as .eml; cloud links are left out. */
function cgAttachments(item) {
  return cgAsync(function (done) { item.getAttachmentsAsync(done); }).then(function (list) {
    return Promise.all((list || []).map(function (attachment) {
      return cgAsync(function (done) { item.getAttachmentContentAsync(attachment.id, done); }).then(function (content) {
        if (content.format === "base64") {
          return { name: attachment.name, content_type: attachment.contentType || "application/octet-stream", content: content.content };
        }
        if (content.format === "eml") {
          return { name: (attachment.name || "message") + ".eml", content_type: "message/rfc822", content: cgBase64Text(content.content) };
        }
        return null;
      });
    })).then(function (found) { return found.filter(Boolean); });
  });
}

function cgOverrideId(item) {
  return cgAsync(function (done) { item.internetHeaders.getAsync([CG_OVERRIDE_HEADER], done); })
    .then(function (headers) { return (headers && headers[CG_OVERRIDE_HEADER]) || ""; });
}

function cgSender(item) {
  return cgAsync(function (done) { item.from.getAsync(done); }).then(function (from) {
    return { name: from.displayName || "", address: from.emailAddress || "" };
  }, function () {
    var me = Office.context.mailbox.userProfile;
    return { name: me.displayName || "", address: me.emailAddress || "" };
  });
}

/** The draft in the JSON shape POST /v1/check reads. */
function cgCollectDraft(item) {
  return Promise.all([
    cgSender(item), cgRecipients(item.to), cgRecipients(item.cc), cgRecipients(item.bcc),
    cgAsync(function (done) { item.subject.getAsync(done); }),
    cgAsync(function (done) { item.body.getAsync(Office.CoercionType.Text, done); }),
    cgAsync(function (done) { item.body.getAsync(Office.CoercionType.Html, done); }),
    cgAttachments(item), cgOverrideId(item),
  ]).then(function (v) {
    return { from: v[0], to: v[1], cc: v[2], bcc: v[3], subject: v[4], body: { text: v[5], html: v[6] }, attachments: v[7], override: v[8] };
  });
}

/** POST to the service; rejects on a network failure, a timeout or an answer other than 200. */
function cgPost(path, payload) {
  var url = CG_CONFIG.serviceUrl.replace(/\/?$/, "/") + path;
  var headers = { "Content-Type": "application/json" };
  if (CG_CONFIG.token) headers.Authorization = "Bearer " + CG_CONFIG.token;
  var request = fetch(url, { method: "POST", headers: headers, body: JSON.stringify(payload) }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (answer) {
      if (!response.ok) throw new Error(answer.error || "the service answered " + response.status);
      return answer;
    });
  });
  var timeout = new Promise(function (_, reject) {
    setTimeout(function () { reject(new Error("no answer within " + CG_CONFIG.timeoutMs / 1000 + " s")); }, CG_CONFIG.timeoutMs);
  });
  return Promise.race([request, timeout]);
}

function cgCheck(item) {
  return cgCollectDraft(item).then(function (draft) {
    return cgPost("v1/check", draft).then(function (answer) { return { draft: draft, answer: answer }; });
  });
}

/** Send with a warning: the check could not run, and the sender is told so. */
function cgFailOpen(event, item, error) {
  var warning = ("Not checked: the correspondence check was unavailable (" + error.message + ").").slice(0, 150);
  if (typeof console !== "undefined") console.warn("correspondence-guard: " + warning);
  var notice = { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: warning, icon: "Icon.16x16", persistent: false };
  item.notificationMessages.replaceAsync("cgUnchecked", notice, function () { event.completed({ allowEvent: true }); });
}

function onMessageSendHandler(event) {
  var item = Office.context.mailbox.item;
  cgCheck(item).then(function (checked) {
    var answer = checked.answer;
    if (answer.verdict === "send") {
      event.completed({ allowEvent: true });
      return;
    }
    event.completed({
      allowEvent: false,
      errorMessage: answer.summary,
      errorMessageMarkdown: answer.markdown,
      cancelLabel: "Explain why",
      commandId: CG_PANE_COMMAND,
      sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser,
    });
  }, function (error) { cgFailOpen(event, item, error); });
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
}
