// A review comment's answer box and its "Tandai selesai" / "Buka kembali" button are one form:
// the server posts a typed answer with either button. Once something is typed, the button says
// so ("Kirim jawaban dan tandai selesai").
(function () {
  function update(form) {
    var box = form.querySelector("textarea[name=text]");
    if (!box) { return; }
    form.querySelectorAll("[data-label-with-text]").forEach(function (button) {
      if (!button.hasAttribute("data-label-empty")) {
        button.setAttribute("data-label-empty", button.textContent);
      }
      var label = box.value.trim() ? "data-label-with-text" : "data-label-empty";
      button.textContent = button.getAttribute(label);
    });
  }
  document.addEventListener("input", function (evt) {
    var form = evt.target.closest && evt.target.closest("form[data-reply-form]");
    if (form) { update(form); }
  });
  // A browser that restores typed text (back button, reload) restores it before this runs.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-reply-form]").forEach(update);
  });
})();
