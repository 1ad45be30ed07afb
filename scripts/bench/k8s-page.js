// Runs inside Chromium for `npm run bench` (served by render.mjs next to the built standalone
// <k8s-pods>). No msw, no network: the host's `fetch` answers from memory, by URL.
/* global window, document, fetch, customElements, performance, setTimeout, Response */
import { afterPaint, parseFloor, until as untilChanged } from './page-wait.js';

const TAG = 'k8s-pods';
const TIMEOUT_MS = 30_000;

/** Resolves once `check()` is true, tested after every DOM change in the element's shadow root. */
const until = (root, check, what) => untilChanged(root, check, what, TIMEOUT_MS);

let data;
let podsBody = '';
const EMPTY = JSON.stringify({ items: [] });

async function setUp() {
  data ??= await (await fetch('/data.json')).json();
  await customElements.whenDefined(TAG);
  const element = document.querySelector(TAG);
  await element.updateComplete;
  if (Object.prototype.hasOwnProperty.call(element, 'kubernetesId') || element.kubernetesId !== 'guestbook') {
    throw new Error('kubernetes-id did not reach the reactive property: decorators or useDefineForClassFields are wrong in the build');
  }
  return element;
}

function hostFor() {
  return {
    endpoints: { kubernetes: { api: `${window.location.origin}/kubernetes`, ui: 'https://headlamp.example.com' } },
    cacheTtlMs: 0,
    fetch: (input) => {
      const url = String(input);
      const body = url.includes('/api/v1/namespaces/storefront/pods?') ? podsBody : EMPTY;
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    },
  };
}

/** Pods the list announces (aria-rowcount − the header row), and rows actually in the DOM. */
function rowCount(element) {
  const table = element.shadowRoot.querySelector('[role="table"]');
  return table ? Number(table.getAttribute('aria-rowcount')) - 1 : 0;
}
const renderedRows = (element) => element.shadowRoot.querySelectorAll('[data-pod]').length;
const counts = (element) => element.shadowRoot.querySelector('.counts')?.textContent ?? '';

/** (a) From setting the host until the list announces every pod and shows the first rows. */
async function render() {
  const element = await setUp();
  podsBody = JSON.stringify({ items: data.initial });
  const expected = data.initial.length;
  const started = performance.now();
  element.host = hostFor();
  await until(element.shadowRoot, () => rowCount(element) === expected && renderedRows(element) > 0, `${expected} pods`);
  const dom = performance.now() - started;
  await afterPaint();
  const painted = performance.now() - started;
  return { dom, painted, rows: rowCount(element), rendered: renderedRows(element), floor: await parseFloor(podsBody) };
}

/** (b) refresh() flipping the same pods between the initial list and the changed one, until the counts show it. */
async function updates(times) {
  const { dom: first } = await render();
  const element = document.querySelector(TAG);
  const initial = JSON.stringify({ items: data.initial });
  const changed = JSON.stringify({ items: data.changed });
  const results = [];
  for (let i = 0; i < times; i += 1) {
    const toChanged = i % 2 === 0;
    podsBody = toChanged ? changed : initial;
    const expect = toChanged ? data.expect.changed : data.expect.initial;
    const started = performance.now();
    element.refresh();
    await until(element.shadowRoot, () => counts(element).includes(expect), `"${expect}"`);
    const dom = performance.now() - started;
    await afterPaint();
    const painted = performance.now() - started;
    results.push({ dom, painted, floor: await parseFloor(podsBody) });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { first, results };
}

/** (e) Scroll jumps through the list: from setting scrollTop until the rows there are in the DOM. */
async function scrolls(times) {
  const element = document.querySelector(TAG);
  const region = element.shadowRoot.querySelector('.pod-scroll');
  const rowHeight = element.shadowRoot.querySelector('[data-pod]').getBoundingClientRect().height;
  const total = rowCount(element);
  const results = [];
  for (let i = 0; i < times; i += 1) {
    const target = ((i + 1) * 1_237) % (total - 20);
    const started = performance.now();
    region.scrollTop = target * rowHeight;
    const index = String(target + 2);
    await until(element.shadowRoot, () => element.shadowRoot.querySelector(`[aria-rowindex="${index}"]`) !== null, `row ${index}`);
    const dom = performance.now() - started;
    await afterPaint();
    const painted = performance.now() - started;
    results.push({ dom, painted, floor: await parseFloor(podsBody) });
  }
  return results;
}

window.bench = { render, updates, scrolls };
