/* After a comment's themes are saved the page comes back at that comment (#comment-N): give it
   the focus too, so the keyboard and a screen reader carry on from there, not from the top. */
(function () {
  "use strict";
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.classList.contains("tag-form")) target.focus();
})();
