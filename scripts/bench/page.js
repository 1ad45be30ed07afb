// Runs inside Chromium for `npm run bench` (served by render.mjs next to the built
// standalone <argo-status>). No msw, no network: the host's `fetch` answers from memory.
/* global window, document, fetch, customElements, performance, setTimeout, Response */
import { afterPaint, parseFloor, until as untilChanged } from './page-wait.js';

const TAG = 'argo-status';
const TIMEOUT_MS = 15_000;

/** Resolves once `check()` is true, tested after every DOM change in the element's shadow root. */
const until = (root, check, what) => untilChanged(root, check, what, TIMEOUT_MS);

let data;
let body = '';

async function setUp() {
  data ??= await (await fetch('/data.json')).json();
  await customElements.whenDefined(TAG);
  const element = document.querySelector(TAG);
  await element.updateComplete;
  // The legacy-decorator build trap: with class fields defined by [[Define]], the
  // attribute never reaches the reactive property (and nothing renders).
  if (Object.prototype.hasOwnProperty.call(element, 'appSelector') || element.appSelector !== 'team=storefront') {
    throw new Error('app-selector did not reach the reactive property: decorators or useDefineForClassFields are wrong in the build');
  }
  return element;
}

function hostFor() {
  return {
    endpoints: { argocd: { api: `${window.location.origin}/argocd`, ui: 'https://argocd.example.com' } },
    cacheTtlMs: 0,
    fetch: () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })),
  };
}

const rowsOf = (element) => element.shadowRoot.querySelectorAll('tbody tr');
/** Rows the table announces (aria-rowcount − the header row); only those in view are in the DOM. */
function listedRows(element) {
  const table = element.shadowRoot.querySelector('table[aria-rowcount]');
  return table ? Number(table.getAttribute('aria-rowcount')) - 1 : 0;
}

/** (a) From setting the host until the table announces every listed row and shows the first ones. */
async function render() {
  const element = await setUp();
  body = JSON.stringify({ items: data.initial });
  const host = hostFor();
  const expected = data.shownRows;
  const started = performance.now();
  element.host = host;
  await until(element.shadowRoot, () => listedRows(element) === expected && rowsOf(element).length > 0, `${expected} rows`);
  const dom = performance.now() - started;
  await afterPaint();
  const painted = performance.now() - started;
  return { dom, painted, rows: listedRows(element), rendered: rowsOf(element).length, floor: await parseFloor(body) };
}

/** Does the summary count the change, and do the changed rows in view show `sync` and `health`? */
function rowsShow(element, indexes, { sync, health, notSynced }) {
  const summary = element.shadowRoot.querySelector('[part="header"]')?.textContent ?? '';
  if (!summary.includes(`${notSynced} not synced`)) return false;
  return indexes.every((index) => {
    const cells = element.shadowRoot.querySelector(`tr[aria-rowindex="${index + 2}"]`)?.cells;
    return !cells || (cells[1]?.textContent.includes(sync) && cells[2]?.textContent.includes(health));
  });
}

/**
 * (b) `times` refreshes that flip the same 5 apps between the initial list and the
 * changed one; each is timed from refresh() until the new statuses are in the DOM.
 */
async function updates(times) {
  const { dom: first } = await render();
  const element = document.querySelector(TAG);
  const initial = JSON.stringify({ items: data.initial });
  const changed = JSON.stringify({ items: data.changed });
  const results = [];
  for (let i = 0; i < times; i += 1) {
    const toChanged = i % 2 === 0;
    body = toChanged ? changed : initial;
    const expect = toChanged ? data.expect.changed : data.expect.initial;
    const started = performance.now();
    element.refresh();
    await until(element.shadowRoot, () => rowsShow(element, data.changedIndexes, expect), 'the changed statuses');
    const dom = performance.now() - started;
    await afterPaint();
    const painted = performance.now() - started;
    results.push({ dom, painted, floor: await parseFloor(body) });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { first, results };
}

window.bench = { render, updates };
