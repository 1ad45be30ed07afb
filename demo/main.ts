// Order matters: portal.ts sets the host up before widgets.ts loads the widgets.
import { applyHost, endpoints, mockProblem, mocks, platformHost, pristineWidgets, settings } from './portal.js';
import { kit, loadWidgets } from './widgets.js';
import { ARGO_SCENARIOS, type ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';
import { portalConfig } from './portal.config.js';
import { SCENARIO_HINTS, SCENARIO_LABELS, TABS, settingsQuery } from './settings.js';

/** What every widget offers the page (WidgetElement's public API). */
interface Widget extends HTMLElement {
  refresh(fresh?: boolean): void;
}

function isWidget(element: Element): element is Widget {
  return element instanceof HTMLElement && typeof (element as Partial<Widget>).refresh === 'function';
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from demo/index.html`);
  return element as T;
}

const panel = byId<HTMLElement>('panel');

/** The cards, the roll-up and the header's badges. */
function widgets(): Widget[] {
  return [...document.querySelectorAll('#panel .widget, .entity-header .badge')].filter(isWidget);
}

function saveToUrl(): void {
  const search = settingsQuery(settings, portalConfig, location.search);
  history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
}

// ---- Demo controls ---------------------------------------------------------------------

function radios(name: string): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
}

function check(name: string, value: string): void {
  for (const radio of radios(name)) radio.checked = radio.value === value;
}

function onRadio(name: string, handle: (value: string) => void): void {
  for (const radio of radios(name)) radio.addEventListener('change', () => radio.checked && handle(radio.value));
}

function renderScenarioRadios(): void {
  const group = byId<HTMLFieldSetElement>('scenario-group');
  for (const scenario of ARGO_SCENARIOS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'scenario';
    input.value = scenario;
    const text = document.createElement('span');
    text.textContent = SCENARIO_LABELS[scenario];
    label.append(input, text);
    group.append(label);
  }
}

/** Where the widgets' requests go, in one line. */
function modeText(): string {
  if (settings.mock) return 'Mock upstreams in this tab (msw); nothing leaves the browser.';
  const argocd = endpoints()['argocd'];
  return import.meta.env.VITE_ARGOCD_UI
    ? `Live: ${argocd?.api ?? ''} goes through the dev server's proxy to Argo CD at ${argocd?.ui ?? ''}.`
    : `Mocks off, and the dev server has no ARGOCD_URL: ${argocd?.api ?? ''} answers 502 (see demo/README.md).`;
}

function showScenarioHint(): void {
  const hint = byId<HTMLElement>('scenario-hint');
  hint.hidden = !settings.mock;
  hint.textContent = settings.mock
    ? `${SCENARIO_LABELS[settings.scenario]}: ${SCENARIO_HINTS[settings.scenario]} Cards that already show data keep it, marked stale; “Replay page load” shows a first visit.`
    : '';
}

/** New mock handlers, then every card reloads (skipping caches) against them. */
async function switchScenario(scenario: ArgoScenario): Promise<void> {
  settings.scenario = scenario;
  saveToUrl();
  showScenarioHint();
  (await mocks)?.setScenario(scenario);
  (await kit())?.clearRequestCache();
  // Not `fresh`: the cache is already empty, and a card, its badge and the roll-up then share each request.
  for (const widget of widgets()) widget.refresh(false);
}

/** Re-creates every widget from index.html, as on a first visit (skeleton, then data or the deep link). */
async function replayPageLoad(): Promise<void> {
  (await kit())?.clearRequestCache();
  const current = [...panel.querySelectorAll('.widget')];
  current.forEach((widget, index) => {
    const pristine = pristineWidgets[index];
    if (pristine) widget.replaceWith(pristine.cloneNode(false));
  });
  selectTab(settings.tab);
  await loadWidgets(panel, platformHost); // cards whose code did not load show why again
}

function setupControls(): void {
  renderScenarioRadios();
  check('scenario', settings.scenario);
  check('permission', settings.permission);
  check('theme', settings.theme);
  byId<HTMLFieldSetElement>('scenario-group').hidden = !settings.mock;
  byId<HTMLElement>('mode').textContent = modeText();
  showScenarioHint();

  onRadio('scenario', (value) => {
    const scenario = ARGO_SCENARIOS.find((known) => known === value);
    if (scenario) void switchScenario(scenario);
  });
  onRadio('permission', (value) => {
    settings.permission = value === 'deny' ? 'deny' : 'allow';
    saveToUrl();
    applyHost();
  });
  onRadio('theme', (value) => {
    settings.theme = value === 'dark' ? 'dark' : 'light';
    saveToUrl();
    applyHost();
  });
  byId<HTMLButtonElement>('replay').addEventListener('click', () => void replayPageLoad());
}

// ---- Tabs (WAI-ARIA tabs: arrow keys move, Home/End jump) -----------------------------

function tabButtons(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
}

function selectTab(tab: string, focus = false): void {
  settings.tab = tab;
  for (const button of tabButtons()) {
    const selected = button.dataset['tab'] === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    if (selected) {
      panel.setAttribute('aria-labelledby', button.id);
      if (focus) button.focus();
    }
  }
  panel.dataset['tab'] = tab;
  for (const card of panel.querySelectorAll<HTMLElement>('[data-tabs]')) {
    card.hidden = !(card.dataset['tabs'] ?? '').split(/\s+/).includes(tab);
  }
}

/** A link to a card (the roll-up's "Full card") opens the tab that shows it. */
function showLinkedCard(): void {
  const card = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const tabs = card?.closest('#panel') ? (card.dataset['tabs'] ?? '').split(/\s+/).filter(Boolean) : [];
  if (!card || !tabs.length) return;
  if (!tabs.includes(settings.tab)) selectTab(tabs[0] ?? 'overview');
  card.scrollIntoView({ block: 'start' });
}

function setupTabs(): void {
  const buttons = tabButtons();
  buttons.forEach((button, index) => {
    button.addEventListener('click', () => {
      selectTab(button.dataset['tab'] ?? 'overview');
      saveToUrl();
    });
    button.addEventListener('keydown', (event) => {
      const last = buttons.length - 1;
      const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
      const target = next === undefined ? undefined : buttons[next];
      if (!target) return;
      event.preventDefault();
      selectTab(target.dataset['tab'] ?? 'overview', true);
      saveToUrl();
    });
  });
  selectTab((TABS as readonly string[]).includes(settings.tab) ? settings.tab : 'overview');
}

// ---- Start -------------------------------------------------------------------------------

setupControls();
setupTabs();
globalThis.addEventListener('hashchange', showLinkedCard);
// The widgets' code comes from the Module Federation remote (demo/widgets.ts).
const widgetsLoaded = loadWidgets(panel, platformHost);
void Promise.all([mocks, widgetsLoaded]).then(([ready]) => {
  if (settings.mock && !ready) {
    // Without mocks the widgets still load, fail, and show their deep links: say why.
    const alert = byId<HTMLElement>('mock-alert');
    alert.hidden = false;
    alert.textContent = `The mock upstreams did not start (${mockProblem ?? 'unknown reason'}). ` +
      'Service workers need a secure origin: open the portal on http://127.0.0.1 or http://localhost.';
  }
  // For tests and screenshots: the widgets are defined (or show why not) and the mocks (if any) answer.
  document.documentElement.dataset['ready'] = 'true';
});
