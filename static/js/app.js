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
      // A saved row carries its confirmation (data-saved-note): keep it in sight (with the whole
      // row when that fits), where the eye was on the form's buttons.
      var note = marked.querySelector("[data-saved-note]");
      marked.focus({ preventScroll: !!note });
      if (note) {
        var row = marked.getBoundingClientRect(), box = note.getBoundingClientRect();
        if (row.height <= window.innerHeight && (row.top < 0 || row.bottom > window.innerHeight)) {
          marked.scrollIntoView({ block: "nearest" });
        } else if (box.top < 0 || box.bottom > window.innerHeight) {
          note.scrollIntoView({ block: "center" });
        }
      }
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

  // Escape cancels an open entry form like its "Batal" button (the unsaved-typing guard below
  // asks first when something was typed).
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") { return; }
    var form = evt.target.closest && evt.target.closest("[data-entry-form]");
    if (!form) { return; }
    var cancel = form.querySelector("[data-cancel]");
    if (!cancel) { return; }
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

// Nothing typed is lost without asking ------------------------------------------------------------
// Every form that posts is guarded (forms in place and page forms alike), unless it carries
// data-guard="off". A form has unsaved changes when a field differs from what the page came with
// (defaultValue, defaultChecked, defaultSelected), when it shows errors or carries data-dirty (the
// server sent the user's typing back unsaved), so the check needs no bookkeeping while typing.
// Script that edits a field (an editor over a textarea) keeps the textarea's value current.
// - htmx: a request whose swap would remove a changed form asks first ("Batal", Escape), except
//   that form's own submission.
// - A link inside a form (the "Batal" of page forms) asks first, in the page's language.
// - Leaving or reloading the page asks (beforeunload), except for the form being submitted.
(function () {
  var KEEPS_TARGET = ["beforebegin", "afterbegin", "beforeend", "afterend", "none"];
  var submitted = null;  // the form whose submission is leaving the page
  var leaving = false;   // the user already agreed to leave

  function guarded(form) {
    return (form.getAttribute("method") || "").toLowerCase() === "post" &&
      form.getAttribute("data-guard") !== "off";
  }
  function selectChanged(select) {
    var options = select.options, marked = false, i;
    for (i = 0; i < options.length; i++) { if (options[i].defaultSelected) { marked = true; } }
    for (i = 0; i < options.length; i++) {
      // Without a marked option a single select starts on its first one.
      var initial = marked ? options[i].defaultSelected : (!select.multiple && i === 0);
      if (options[i].selected !== initial) { return true; }
    }
    return false;
  }
  function fieldChanged(el) {
    if (el.disabled) { return false; }
    if (el.tagName === "TEXTAREA") { return el.value !== el.defaultValue; }
    if (el.tagName === "SELECT") { return selectChanged(el); }
    if (el.tagName !== "INPUT") { return false; }
    var type = (el.type || "text").toLowerCase();
    if (["hidden", "submit", "button", "reset", "image"].indexOf(type) >= 0) { return false; }
    if (type === "checkbox" || type === "radio") { return el.checked !== el.defaultChecked; }
    if (type === "file") { return !!(el.files && el.files.length); }
    return el.value !== el.defaultValue;
  }
  function isDirty(form) {
    if (!guarded(form)) { return false; }
    if (form.hasAttribute("data-dirty") || form.querySelector(".is-invalid")) { return true; }
    return Array.prototype.some.call(form.elements, fieldChanged);
  }
  function dirtyForms(except) {
    return Array.prototype.filter.call(document.forms, function (form) {
      return form !== except && isDirty(form);
    });
  }
  function question(form) {
    return form.getAttribute("data-confirm-cancel") || document.body.getAttribute("data-confirm-discard") ||
      "Isian yang belum disimpan akan hilang. Lanjutkan?";
  }

  document.addEventListener("htmx:confirm", function (evt) {
    var target = evt.detail.target, elt = evt.detail.elt;
    if (!target || !evt.detail.triggeringEvent) { return; }
    var swapper = elt.closest("[hx-swap]");
    var swap = swapper ? swapper.getAttribute("hx-swap").trim().split(/\s+/)[0] : "innerHTML";
    if (KEEPS_TARGET.indexOf(swap) >= 0) { return; }
    var lost = dirtyForms(elt).filter(function (form) { return target.contains(form); });
    if (lost.length && !window.confirm(question(lost[0]))) { evt.preventDefault(); }
  });

  document.addEventListener("click", function (evt) {
    var link = evt.target.closest && evt.target.closest("form a[href], a[data-cancel]");
    if (!link || evt.defaultPrevented) { return; }  // htmx took it: see htmx:confirm
    if (evt.ctrlKey || evt.metaKey || evt.shiftKey || evt.altKey || link.target || link.hasAttribute("download")) { return; }
    if ((link.getAttribute("href") || "#").charAt(0) === "#") { return; }
    var lost = dirtyForms(null);
    if (!lost.length) { return; }
    if (window.confirm(question(lost[0]))) { leaving = true; } else { evt.preventDefault(); }
  });

  // Bubbling to the document: a submission htmx handles in place was already prevented.
  document.addEventListener("submit", function (evt) {
    if (!evt.defaultPrevented) { submitted = evt.target; }
  });
  document.addEventListener("input", function () { leaving = false; });
  window.addEventListener("pageshow", function () { submitted = null; leaving = false; });
  window.addEventListener("beforeunload", function (evt) {
    if (leaving || !dirtyForms(submitted).length) { return; }
    evt.preventDefault();
    evt.returnValue = "";  // older browsers ask only when a value is set
  });
}());

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
