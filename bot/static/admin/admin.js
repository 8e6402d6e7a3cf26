// onetrip staff workbench: small progressive enhancements; every form also works without them.
(function () {
  "use strict";
  document.documentElement.classList.remove("nojs");
  // A conversation opens at its latest messages.
  document.querySelectorAll(".transcript").forEach(function (box) {
    box.scrollTop = box.scrollHeight;
  });

  function renumber(container) {
    container.querySelectorAll(":scope > [data-row]").forEach(function (row) {
      var title = row.querySelector(".row-title");
      var name = row.querySelector("input[name$='-name']");
      if (title && name) title.textContent = name.value || "新材料";
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-add], [data-remove], [data-move]");
    if (!target) return;
    if (target.hasAttribute("data-add")) {
      var part = target.getAttribute("data-add");
      var container = document.querySelector("[data-rows='" + part + "']");
      var template = document.getElementById("tpl-" + part);
      var index = parseInt(container.getAttribute("data-next"), 10) || 0;
      container.setAttribute("data-next", String(index + 1));
      var html = template.innerHTML.replace(/__i__/g, String(index));
      container.insertAdjacentHTML("beforeend", html);
      var added = container.lastElementChild;
      var first = added.querySelector("input:not([type=checkbox]), textarea");
      if (first) first.focus();
      return;
    }
    var row = target.closest("[data-row]");
    if (!row) return;
    if (target.hasAttribute("data-remove")) {
      row.remove();
    } else {
      var step = parseInt(target.getAttribute("data-move"), 10);
      var other = step < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (other && other.hasAttribute("data-row")) {
        if (step < 0) other.before(row); else other.after(row);
      }
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-rows='materials'] input[name$='-name']")) {
      renumber(event.target.closest("[data-rows]"));
    }
  });

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
