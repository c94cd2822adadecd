// onrecord report: a tooltip for chart marks and linked highlighting with the table.
// No network, no libraries. Errors are recorded on <html data-errors> for tests.
(function () {
  "use strict";
  var root = document.documentElement;
  var errors = 0;
  window.addEventListener("error", function () {
    errors += 1;
    root.setAttribute("data-errors", String(errors));
  });
  var tooltip = document.querySelector(".tooltip");
  var marks = document.querySelectorAll("circle.mark");

  function rowFor(id) {
    return document.querySelector('tr[data-statement-id="' + CSS.escape(id) + '"]');
  }
  function markFor(id) {
    return document.querySelector('circle.mark[data-statement-id="' + CSS.escape(id) + '"]');
  }
  function line(className, text) {
    var div = document.createElement("div");
    div.className = className;
    div.textContent = text;
    return div;
  }
  function show(mark, x, y) {
    var d = mark.dataset;
    tooltip.replaceChildren(
      line("tt-meta", d.date + " · " + d.person + " · " + d.label + " " + d.tone),
      line("tt-text", /^["\u201c\u2018']/.test(d.text) ? d.text : "\u201c" + d.text + "\u201d"),
      line("tt-carriers", "Carried by: " + d.carriers)
    );
    tooltip.hidden = false;
    var box = tooltip.getBoundingClientRect();
    var left = Math.min(x + 14, window.innerWidth - box.width - 8);
    var top = y + 14 + box.height > window.innerHeight ? y - box.height - 14 : y + 14;
    tooltip.style.left = Math.max(8, left) + "px";
    tooltip.style.top = Math.max(8, top) + "px";
    mark.classList.add("active");
    var row = rowFor(d.statementId);
    if (row) row.classList.add("active");
  }
  function hide(mark) {
    tooltip.hidden = true;
    mark.classList.remove("active");
    var row = rowFor(mark.dataset.statementId);
    if (row) row.classList.remove("active");
  }
  marks.forEach(function (mark) {
    // The SVG <title> stays for screen readers; the styled tooltip replaces the native one.
    mark.addEventListener("mousemove", function (e) { show(mark, e.clientX, e.clientY); });
    mark.addEventListener("mouseleave", function () { hide(mark); });
    mark.addEventListener("focus", function () {
      var r = mark.getBoundingClientRect();
      show(mark, r.right, r.bottom);
    });
    mark.addEventListener("blur", function () { hide(mark); });
  });
  document.querySelectorAll("tr[data-statement-id]").forEach(function (row) {
    var mark = markFor(row.dataset.statementId);
    if (!mark) return;
    row.addEventListener("mouseenter", function () { mark.classList.add("active"); });
    row.addEventListener("mouseleave", function () { mark.classList.remove("active"); });
  });
  root.setAttribute("data-marks", String(marks.length));
  root.setAttribute("data-ready", "true");
})();
