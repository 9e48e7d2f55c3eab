// Move keyboard focus to the first invalid field after htmx swaps in a form with errors.
document.addEventListener("htmx:afterSwap", function (evt) {
  var invalid = evt.target.querySelector(".is-invalid");
  if (invalid) { invalid.focus(); }
});

// In-place entry editing (dimensions workspace) ------------------------------------------------
(function () {
  // Refusals (403: no right, 409: section under review) come back as a message for #messages.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var status = evt.detail.xhr.status;
    if ((status === 403 || status === 409) && evt.detail.xhr.getResponseHeader("HX-Retarget")) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });

  // After a swap: focus what the server marked (a saved row, the "add" button), else the first
  // field with an error, else the first field of a form that just opened.
  document.addEventListener("htmx:afterSettle", function () {
    var marked = document.querySelector("[data-focus]");
    if (marked) {
      marked.removeAttribute("data-focus");
      marked.focus();
      return;
    }
    var forms = document.querySelectorAll("[data-entry-form]:not([data-opened])");
    forms.forEach(function (form) {
      form.setAttribute("data-opened", "");
      var target = form.querySelector(".is-invalid") ||
        form.querySelector("input:not([type=hidden]), select, textarea");
      if (target) { target.focus(); }
    });
  });

  // Escape cancels an open entry form (asking first when something was typed).
  document.addEventListener("input", function (evt) {
    var form = evt.target.closest && evt.target.closest("[data-entry-form]");
    if (form) { form.setAttribute("data-dirty", ""); }
  });
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") { return; }
    var form = evt.target.closest && evt.target.closest("[data-entry-form]");
    if (!form) { return; }
    var cancel = form.querySelector("[data-cancel]");
    if (!cancel) { return; }
    if (form.hasAttribute("data-dirty") && !window.confirm(form.getAttribute("data-confirm-cancel") || "Batalkan isian yang belum disimpan?")) { return; }
    evt.preventDefault();
    cancel.click();
  });

  // Sub-row formsets: "+ Tambah baris" clones the empty row and counts it in TOTAL_FORMS.
  function setupFormsets(root) {
    root.querySelectorAll("[data-formset]").forEach(function (fieldset) {
      var button = fieldset.querySelector("[data-formset-add]");
      if (!button || button.hasAttribute("data-ready")) { return; }
      button.setAttribute("data-ready", "");
      button.hidden = false;
      button.addEventListener("click", function () {
        var prefix = fieldset.getAttribute("data-formset");
        var total = fieldset.querySelector("#id_" + prefix + "-TOTAL_FORMS");
        var template = fieldset.querySelector("template[data-formset-template]");
        var index = parseInt(total.value, 10);
        var html = template.innerHTML.replace(/__prefix__/g, String(index));
        var body = fieldset.querySelector("[data-formset-body]");
        body.insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var first = body.lastElementChild && body.lastElementChild.querySelector("input:not([type=hidden]), textarea, select");
        if (first) { first.focus(); }
      });
    });
  }
  // A program's total while typing: the sum of the road map's yearly amounts (the server computes
  // the same when saving; the total is never typed).
  function parseRupiah(text) {
    var t = String(text || "").replace(/rp/gi, "").replace(/[\s\u00a0]/g, "");
    if (!t) { return null; }
    if (t.indexOf(",") >= 0) { t = t.replace(/\./g, "").replace(",", "."); }
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) { t = t.replace(/\./g, ""); }
    var n = Number(t);
    return isNaN(n) ? null : n;
  }
  function formatRupiah(n) {
    return "Rp " + String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }
  document.addEventListener("input", function (evt) {
    var form = evt.target.closest && evt.target.closest("form");
    if (!form) { return; }
    form.querySelectorAll("[data-sum-of]").forEach(function (out) {
      var pattern = new RegExp("^" + out.getAttribute("data-sum-of") + "-\\d+-amount$");
      var total = 0, any = false;
      form.querySelectorAll("input").forEach(function (input) {
        if (!pattern.test(input.name)) { return; }
        var remove = form.querySelector('[name="' + input.name.replace(/amount$/, "DELETE") + '"]');
        if (remove && remove.checked) { return; }
        var value = parseRupiah(input.value);
        if (value !== null) { total += value; any = true; }
      });
      out.textContent = any ? formatRupiah(total) : "–";
    });
  });

  document.addEventListener("DOMContentLoaded", function () { setupFormsets(document); });
  document.addEventListener("htmx:load", function (evt) { setupFormsets(evt.detail.elt); });
})();

// Region bar: on a narrow screen it scrolls sideways. Show the current page and mark the edges
// that have more links beyond them (CSS fades them).
(function () {
  var bar = document.querySelector(".region-nav-links");
  if (!bar) { return; }
  function mark() {
    var left = bar.scrollLeft > 2;
    var right = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 2;
    var more = left && right ? "both" : left ? "left" : right ? "right" : "";
    if (more) { bar.setAttribute("data-more", more); } else { bar.removeAttribute("data-more"); }
  }
  var current = bar.querySelector("[aria-current]");
  if (current && bar.scrollWidth > bar.clientWidth) {
    bar.scrollLeft = current.offsetLeft - (bar.clientWidth - current.offsetWidth) / 2;
  }
  mark();
  bar.addEventListener("scroll", mark, { passive: true });
  window.addEventListener("resize", mark);
}());
