// Progressive enhancement: "Copy" buttons beside the IBAN, BIC, reference and attribution.
// Without JavaScript the values are plain selectable text; nothing here is needed to donate.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy], [data-copy-source]").forEach(function (el) {
    var labels = el.closest("[data-copy-label]") || document.querySelector("[data-copy-label]");
    var label = labels ? labels.dataset.copyLabel : "Copy";
    var done = labels ? labels.dataset.copiedLabel : "Copied";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    button.addEventListener("click", function () {
      var text = el.dataset.copy !== undefined ? el.dataset.copy : el.value;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = done;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
    el.insertAdjacentElement("afterend", button);
  });
})();
