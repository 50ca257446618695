/* Tiny glue for the dashboard (no inline script: the CSP forbids it).
 * Modals: content swapped into #modal-root closes on ESC, on a click on the backdrop and on [data-modal-close];
 * focus is trapped inside while open and returns to the opener afterwards.
 * Sidebar: aria-current follows the URL after htmx navigations. */
(function () {
  "use strict";
  var opener = null;

  function root() { return document.getElementById("modal-root"); }
  function openModal() { var r = root(); return r ? r.querySelector(".modal") : null; }

  function focusables(container) {
    return Array.prototype.filter.call(
      container.querySelectorAll('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])'),
      function (el) { return el.offsetParent !== null || el === document.activeElement; });
  }

  function closeModal() {
    var r = root();
    if (!r || !r.firstChild) { return; }
    r.innerHTML = "";
    document.body.classList.remove("modal-open");
    if (opener && document.contains(opener)) { opener.focus(); }
    opener = null;
  }

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest("[hx-target='#modal-root']");
    if (trigger) { opener = trigger; }
    var close = event.target.closest("[data-modal-close]");
    if (close) {
      if (root() && root().contains(close)) {
        event.preventDefault();
        closeModal();
      } else if (close.tagName === "BUTTON") {
        var link = close.closest(".modal") && close.closest(".modal").querySelector("a.modal-close");
        if (link) { window.location.href = link.href; }
      }
      return;
    }
    if (event.target.matches("#modal-root [data-modal-backdrop]")) { closeModal(); }
  });

  document.addEventListener("keydown", function (event) {
    var modal = openModal();
    if (!modal) { return; }
    if (event.key === "Escape") { event.preventDefault(); closeModal(); return; }
    if (event.key !== "Tab") { return; }
    var items = focusables(modal);
    if (!items.length) { event.preventDefault(); return; }
    var first = items[0], last = items[items.length - 1];
    if (!modal.contains(document.activeElement)) { event.preventDefault(); first.focus(); }
    else if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  });

  function markSidebar() {
    /* The exact path wins; otherwise the longest link that is a prefix (same rule as the server). */
    var path = window.location.pathname, best = null, bestLen = -1;
    var links = Array.prototype.slice.call(document.querySelectorAll(".sidebar a"));
    links.forEach(function (a) {
      var here = new URL(a.href, window.location.href).pathname;
      var len = path === here ? 100000 : (path.indexOf(here + "/") === 0 ? here.length : -1);
      if (len > bestLen) { best = a; bestLen = len; }
    });
    links.forEach(function (a) {
      if (a === best && bestLen >= 0) { a.setAttribute("aria-current", "page"); }
      else { a.removeAttribute("aria-current"); }
    });
  }

  /* 상위 조직별 JSON: copy the JSON route's body to the clipboard, with a short toast. */
  function toast(text) {
    var box = document.createElement("div");
    box.className = "toast";
    box.setAttribute("role", "status");
    box.textContent = text;
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-url]");
    if (!button) { return; }
    fetch(button.getAttribute("data-copy-url"), {credentials: "same-origin"})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (text) { return navigator.clipboard.writeText(text); })
      .then(function () { toast("복사했습니다."); }, function () { toast("복사에 실패했습니다."); });
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target === root() && openModal()) {
      document.body.classList.add("modal-open");
      var items = focusables(openModal());
      if (items.length) { items[0].focus(); }
    }
    markSidebar();
  });
  document.addEventListener("htmx:historyRestore", function () { closeModal(); markSidebar(); });
  window.addEventListener("popstate", function () { closeModal(); });
})();
