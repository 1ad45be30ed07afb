// Waiting helpers shared by the bench pages (page.js, k8s-page.js), run inside Chromium.
/* global requestAnimationFrame, setTimeout, clearTimeout, MutationObserver, performance, Response */

/** Resolves once `check()` is true, tested after every DOM change below `root`. */
export function until(root, check, what, timeoutMs) {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** After the next frame has been produced (style, layout and paint of what is in the DOM now). */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The floor of a render: what any page must spend before it can show this body at all,
 * reading it as text from a Response and JSON.parse. Measured on the page of the render,
 * right after it, so that both see the same machine at the same moment.
 */
export async function parseFloor(body) {
  const started = performance.now();
  JSON.parse(await new Response(body).text());
  return performance.now() - started;
}
