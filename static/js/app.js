// Move keyboard focus to the first invalid field after htmx swaps in a form with errors.
document.addEventListener("htmx:afterSwap", function (evt) {
  var invalid = evt.target.querySelector(".is-invalid");
  if (invalid) { invalid.focus(); }
});
