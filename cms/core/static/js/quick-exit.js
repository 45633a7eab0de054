// Quick exit: without JavaScript the link simply navigates away. With it, the current page is
// replaced in the history too, so the Back button does not return here, and pressing Escape
// three times leaves as well.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1200);
    if (presses >= 3) leave();
  });
})();
