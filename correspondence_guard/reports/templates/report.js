(function () {
  "use strict";
  // Progressive enhancement: without this script every finding is shown and the filter
  // bar stays hidden. It reads only data-* attributes and the chosen option values.
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding[data-rule]"));
  var documents = Array.prototype.slice.call(document.querySelectorAll("details.document"));
  var count = document.getElementById("filter-count");
  var total = findings.length;

  function apply() {
    var rule = form.elements.rule.value;
    var severity = form.elements.severity.value;
    var sender = form.elements.sender.value;
    var shown = 0;
    findings.forEach(function (el) {
      var ok = (!rule || el.getAttribute("data-rule") === rule) &&
               (!severity || el.getAttribute("data-severity") === severity) &&
               (!sender || el.getAttribute("data-sender") === sender);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    documents.forEach(function (doc) {
      doc.hidden = !doc.querySelector(".finding:not([hidden])");
    });
    count.textContent = "Showing " + shown.toLocaleString("en-GB") + " of " + total.toLocaleString("en-GB") +
      " finding" + (total === 1 ? "" : "s");
  }

  function openAll(open) {
    documents.forEach(function (doc) { if (!doc.hidden) { doc.open = open; } });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  document.getElementById("expand-all").addEventListener("click", function () { openAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { openAll(false); });

  // A printed report shows every finding, whatever is open on screen.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = documents.filter(function (doc) { return !doc.open; });
    closed.forEach(function (doc) { doc.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (doc) { doc.open = false; });
    closed = [];
  });

  form.hidden = false;
  apply();
}());
