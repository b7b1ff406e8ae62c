/**
 * The one script of the dashboard (served as a file: the Content-Security-Policy allows no inline
 * script). A page whose `<main>` has `data-live` asks that URL every `data-poll` ms for the
 * repository's version; when it changed, it fetches the page again and swaps its `<main>` in.
 * Without JavaScript the pages work the same, without updating themselves.
 */
export const LIVE_SCRIPT = `"use strict";
(function () {
  var main = document.querySelector("main[data-live]");
  if (!main) return;
  var version = main.getAttribute("data-version");
  var every = Number(main.getAttribute("data-poll")) || 5000;
  var busy = false;
  async function look() {
    if (busy || document.hidden) return;
    busy = true;
    try {
      var answer = await fetch(main.getAttribute("data-live"), { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (!answer.ok) return;
      var now = (await answer.json()).version;
      if (now === version) return;
      var page = await fetch(location.href, { credentials: "same-origin" });
      if (!page.ok) return;
      var fresh = new DOMParser().parseFromString(await page.text(), "text/html").querySelector("main[data-live]");
      if (!fresh) return;
      main.replaceWith(fresh);
      main = fresh;
      version = fresh.getAttribute("data-version");
      document.documentElement.setAttribute("data-refreshed", String(Date.now()));
    } catch (error) {
      // Offline or the app restarting: the next look tries again.
    } finally {
      busy = false;
    }
  }
  setInterval(look, every);
})();
`;
