/*
 * The task pane: shows what the check found and records the sender's justification.
 *
 * The justification is posted to /v1/override; the id the service returns is stamped on
 * the message as X-Correspondence-Guard-Override, so the next Send passes the check and the
 * council's gateway tags the message instead of refusing it. Text from the service is set
 * with textContent, never as HTML.
 */

function cgPaneStatus(text, isError) {
  var status = document.getElementById("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function cgShowFindings(findings) {
  var list = document.getElementById("findings");
  list.textContent = "";
  findings.forEach(function (finding) {
    var entry = document.createElement("li");
    entry.textContent = finding.message + " ";
    var clause = document.createElement("span");
    clause.className = "clause";
    clause.textContent = "Protocol " + finding.clause + ".";
    entry.appendChild(clause);
    list.appendChild(entry);
  });
}

function cgRecord(item, checked, justification) {
  var findings = checked.answer.documents[0].findings.filter(function (f) { return !f.override; });
  return cgPost("v1/override", {
    sender: checked.draft.from.address,
    subject: checked.draft.subject,
    findings: findings.map(function (f) { return { rule: f.rule, parties: f.parties }; }),
    justification: justification,
  }).then(function (recorded) {
    var headers = {};
    headers[recorded.header] = recorded.id;
    return cgAsync(function (done) { item.internetHeaders.setAsync(headers, done); }).then(function () { return recorded; });
  });
}

function cgStartPane() {
  var item = Office.context.mailbox.item;
  cgCheck(item).then(function (checked) {
    var open = checked.answer.documents[0].findings.filter(function (f) { return !f.override; });
    if (!open.length) {
      cgPaneStatus("No problems found. You can send the message.");
      return;
    }
    cgShowFindings(open);
    cgPaneStatus("Fix the message, or explain why it must go as it is.");
    var form = document.getElementById("justify");
    form.hidden = false;
    form.addEventListener("submit", function (submitted) {
      submitted.preventDefault();
      var justification = document.getElementById("justification").value.trim();
      if (!justification) {
        cgPaneStatus("Please write your reason first.", true);
        return;
      }
      cgRecord(item, checked, justification).then(function () {
        form.hidden = true;
        cgPaneStatus("Your reason is recorded. Press Send again: the message will go with your reason attached.");
      }, function (error) { cgPaneStatus("Your reason could not be recorded: " + error.message, true); });
    });
  }, function (error) { cgPaneStatus("The correspondence check is unavailable: " + error.message, true); });
}

Office.onReady(function () { cgStartPane(); });
