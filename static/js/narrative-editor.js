// The rich text editor of the books' narrative texts (Quill, static/vendor/quill/).
//
// Progressive enhancement: the page has a plain <textarea> that is the form field; this script
// hides it, shows the editor block of the page ([data-narrative-editor], hidden until then) next
// to it, and writes the editor's HTML back into the textarea on every change, firing an "input"
// event on it so form-wide listeners (unsaved-changes guard) see the change. The editor offers
// only what the server's sanitiser (masterplan/books/sanitize.py) keeps: paragraphs, bold,
// italic, bulleted and numbered lists, links. The server sanitises whatever arrives.
(function () {
  "use strict";

  var FORMATS = ["bold", "italic", "link", "list", "indent"];

  // What Quill cannot edit without destroying it: a table typed as HTML stays in the textarea.
  function editable(html) {
    return !/<table\b/i.test(html);
  }

  // Quill's semantic HTML writes every space as &nbsp; (2.0.3): justified print text could then
  // never break a line. A non-breaking space the user typed stays a character, not the entity.
  function editorHtml(quill) {
    if (quill.getText().trim() === "") { return ""; }
    return quill.getSemanticHTML().replace(/&nbsp;/g, " ");
  }

  function safeUrl(url) {
    url = (url || "").trim();
    if (!url) { return ""; }
    if (/^(https?:|mailto:)/i.test(url)) { return url; }
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(url)) { return "mailto:" + url; }
    return "https://" + url.replace(/^\/+/, "");
  }

  function setup(block) {
    var textarea = document.getElementById(block.getAttribute("data-narrative-editor"));
    if (!textarea || !window.Quill || block.hasAttribute("data-ready")) { return; }
    block.setAttribute("data-ready", "");
    if (!editable(textarea.value)) {
      var note = block.querySelector("[data-editor-fallback]");
      if (note) {
        note.hidden = false;
        textarea.insertAdjacentElement("beforebegin", note);
      }
      return;
    }
    var area = block.querySelector("[data-editor-area]");
    var toolbar = block.querySelector("[role=toolbar]");
    var quill = new window.Quill(area, {
      formats: FORMATS,
      modules: {
        toolbar: false,
        keyboard: {
          bindings: {
            // Tab leaves the editor (no keyboard trap); the book prints no tabs or indents.
            tab: false,
            indent: false,
            outdent: false,
            "remove tab": false,
            "indent code-block": false,
            "outdent code-block": false,
            link: { key: "k", shortKey: true, handler: function () { editLink(); return false; } }
          }
        }
      }
    });
    var value = textarea.value;
    quill.setContents(quill.clipboard.convert(/</.test(value) ? { html: value } : { text: value }), "silent");
    quill.history.clear();

    // The editable element speaks for the field: its label, its help and error text.
    var editor = quill.root;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = label.id || textarea.id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function (evt) { evt.preventDefault(); quill.focus(); });
    }
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (textarea.hasAttribute(name)) { editor.setAttribute(name, textarea.getAttribute(name)); }
    });
    if (textarea.classList.contains("is-invalid")) { block.classList.add("is-invalid"); }

    textarea.insertAdjacentElement("afterend", block);
    textarea.hidden = true;
    block.hidden = false;

    quill.on("text-change", function () {
      textarea.value = editorHtml(quill);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });

    // Toolbar: the buttons toggle a format and show whether it is on (aria-pressed).
    function refresh() {
      var range = quill.getSelection();
      var formats = range ? quill.getFormat(range) : {};
      toolbar.querySelectorAll("[data-format]").forEach(function (button) {
        var name = button.getAttribute("data-format");
        var wanted = button.getAttribute("data-value");
        var on = wanted ? formats[name] === wanted : !!formats[name];
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    quill.on("editor-change", refresh);

    function editLink() {
      var range = quill.getSelection(true);
      var current = quill.getFormat(range).link || "";
      var answer = window.prompt(toolbar.getAttribute("data-link-prompt"), current || "https://");
      if (answer === null) { return; }
      var url = answer.trim() === "https://" ? "" : safeUrl(answer);
      if (range.length === 0 && current) {  // the cursor in a link: the whole link
        var found = quill.getLeaf(range.index);
        range = { index: range.index - found[1], length: found[0].length() };
      }
      if (range.length === 0) {
        if (!url) { return; }
        quill.insertText(range.index, answer.trim(), { link: url }, "user");
        quill.setSelection(range.index + answer.trim().length, 0, "user");
      } else {
        quill.formatText(range.index, range.length, "link", url || false, "user");
      }
    }

    // A click on a button keeps the editor's selection (the editor keeps the focus).
    toolbar.addEventListener("mousedown", function (evt) {
      if (evt.target.closest("button")) { evt.preventDefault(); }
    });
    toolbar.addEventListener("click", function (evt) {
      var button = evt.target.closest("button");
      if (!button) { return; }
      var action = button.getAttribute("data-action");
      if (action === "undo") { quill.history.undo(); }
      else if (action === "redo") { quill.history.redo(); }
      else if (action === "link") { editLink(); }
      else if (button.hasAttribute("data-format")) {
        var name = button.getAttribute("data-format");
        var value = button.getAttribute("data-value") || true;
        var range = quill.getSelection(true);
        var isOn = quill.getFormat(range)[name] === value;
        quill.format(name, isOn ? false : value, "user");
      }
      quill.focus();
      refresh();
    });
  }

  // The print preview comes back as an iframe of the book's typography: fit it to its page.
  function fitPreview(frame) {
    if (frame.hasAttribute("data-ready")) { return; }
    frame.setAttribute("data-ready", "");
    function fit() {
      var doc = frame.contentDocument;
      if (doc && doc.body) {
        frame.style.height = Math.ceil(doc.body.getBoundingClientRect().height) + 2 + "px";
      }
    }
    frame.addEventListener("load", function () {
      fit();
      var doc = frame.contentDocument;
      if (doc && doc.fonts) { doc.fonts.ready.then(fit); }
    });
    window.addEventListener("resize", fit);
  }

  function scan(root) {
    root.querySelectorAll("[data-narrative-editor]").forEach(setup);
    root.querySelectorAll("iframe[data-preview-frame]").forEach(fitPreview);
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:load", function (evt) {
    if (evt.detail.elt.querySelectorAll) { scan(evt.detail.elt); }
  });
})();
