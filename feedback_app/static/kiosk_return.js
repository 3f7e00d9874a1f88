/* On a kiosk tablet, a page opened from the kiosk (the story form, say) goes back to the kiosk's
   first screen once nobody has touched it for a while, so the next person in the corridor never
   sees what the last one typed, nor their story's private code. Any touch, key or scroll starts
   the wait again, so someone still writing is never cut off. */
(function () {
  "use strict";
  var limit = Number(document.currentScript.dataset.idleSeconds) * 1000;
  var last = Date.now();
  ["pointerdown", "touchstart", "keydown", "input", "scroll"].forEach(function (type) {
    document.addEventListener(type, function () { last = Date.now(); }, {capture: true, passive: true});
  });
  setInterval(function () {
    // replace(): no history entry, so "back" cannot return to the last person's page.
    if (Date.now() - last >= limit) location.replace("/kiosk/");
  }, 1000);
})();
