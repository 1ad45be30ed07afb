import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './vault-secrets.js';
import { DETAIL_BATCH, DETAIL_CONCURRENCY, type VaultSecrets } from './vault-secrets.component.js';
import { SECRET_VALUE_TRIPWIRE, vaultHandlers } from './fixtures/handlers.js';
import { vaultErrors, vaultResponse } from './fixtures/secrets.js';

const LIST = '/proxy/vault/v1/secrets/metadata/payments-api';
const UI = 'https://vault.example.com/ui/vault/secrets/secrets';
/** Polls generously: the shared test machine can be slow, and a pass is still a pass. */
const poll = <T>(read: () => T) => expect.poll(read, { timeout: 8_000 });

interface Attrs {
  path?: string;
  engine?: string;
  namespace?: string;
  instance?: string;
  interval?: string;
}

/** The fake host with room for a loaded test machine (its own 1 s timeout is tight there). */
function testHost(options: Parameters<typeof fakeHost>[0] = {}) {
  return fakeHost({ timeoutMs: 10_000, ...options });
}

async function mountSecrets(attrs: Attrs = {}, host = testHost()) {
  const { path = 'payments-api', engine = '', namespace = '', instance = '', interval = '0' } = attrs;
  return mountWidget<VaultSecrets>(
    html`<vault-secrets secrets-path=${path} secrets-engine=${engine} vault-namespace=${namespace} instance=${instance}
      refresh-interval=${interval}></vault-secrets>`,
    host,
  );
}

function all<T extends Element>(element: Element, selector: string): T[] {
  return [...shadow(element).querySelectorAll<T>(selector)];
}

function folderButton(element: Element, name: string): HTMLButtonElement {
  const button = all<HTMLButtonElement>(element, 'button.disclosure').find((b) => b.textContent?.includes(name));
  if (!button) throw new Error(`folder ${name} not shown`);
  return button;
}

function rowOf(element: Element, name: string): HTMLTableRowElement {
  const row = all<HTMLTableRowElement>(element, 'tbody tr').find((r) => r.querySelector('td.name')?.textContent?.trim().startsWith(name));
  if (!row) throw new Error(`row ${name} not shown`);
  return row;
}

function hrefs(element: Element): string[] {
  return all<HTMLAnchorElement>(element, 'a').map((a) => a.href);
}

/** The widget reads metadata only: no request may ever touch the KV v2 `data` endpoint. */
afterEach(() => {
  expect(requests().filter((r) => r.url.includes('/data/')).map((r) => r.url)).toEqual([]);
});

describe('vault-secrets: the secrets at a path', () => {
  it('lists secrets and folders with version, update time, custom metadata and View/Edit links', async () => {
    useHandlers(...vaultHandlers());
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    expect(text()).toContain('Vault · secrets/payments-api');
    expect(text()).toContain('3 secrets · 2 folders');
    await poll(() => rowOf(element, 'database').textContent).toContain('v3');
    const database = rowOf(element, 'database');
    expect(database.textContent).toContain('(3 versions)');
    expect(database.querySelector('time')?.textContent).toMatch(/3 hr|hours? ago/);
    expect(database.textContent).toContain('owner: team-payments');
    expect(database.textContent).toContain('+1 more');
    await poll(() => rowOf(element, 'stripe').textContent).toContain('Current version deleted');
    await poll(() => rowOf(element, 'jwt-signing-key').textContent).toContain('v1');

    const [list] = requests('?list=true');
    expect(new URL(list?.url ?? '').pathname).toBe(LIST);
    expect(list?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(list?.headers['x-vault-namespace']).toBeUndefined();
    expect(requests(`${LIST}/database`)).toHaveLength(1);

    const links = hrefs(element);
    expect(links).toContain(`${UI}/show/payments-api/database`);
    expect(links).toContain(`${UI}/edit/payments-api/database`);
    expect(links).toContain(`${UI}/list/payments-api/config/`);
    expect(links).toContain(`${UI}/list/payments-api/`);
    expect(text()).not.toContain(SECRET_VALUE_TRIPWIRE);
    await expectAccessible(element);
  });

  it('is accessible in the dark theme too, folders open', async () => {
    useHandlers(...vaultHandlers({ scenario: 'folder-denied' }));
    const { element, text } = await mountSecrets({}, testHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    folderButton(element, 'config/').click();
    folderButton(element, 'legacy/').click();
    await poll(() => text()).toContain('Could not list legacy/');
    await poll(() => text()).toContain('Current version destroyed');
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(LIST, async () => {
      await delay(300);
      return undefined;
    }), ...vaultHandlers());
    const { element } = await mountSecrets();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[part="loading"]')?.textContent).toContain('Loading Vault data');
    expect(shadow(element).querySelectorAll('.skeleton')).toHaveLength(6);
    await waitForState(element, 'ready');
  });

  it('404 on the list means nothing at this path: the empty state, with the deep link', async () => {
    useHandlers(...vaultHandlers({ scenario: 'empty' }));
    const { element, text } = await mountSecrets();
    await waitForState(element, 'empty');
    expect(text()).toContain('No secrets at secrets/payments-api (or the path does not exist).');
    expect(hrefs(element)).toEqual([`${UI}/list/payments-api/`]);
    await expectAccessible(element);
  });

  it('an empty key list is the empty state too', async () => {
    useHandlers(http.get(LIST, () => HttpResponse.json(vaultResponse({ keys: [] }))));
    const { element, text } = await mountSecrets();
    await waitForState(element, 'empty');
    expect(text()).toContain('No secrets at secrets/payments-api');
  });

  it('a secret whose metadata cannot be read says so on its row only', async () => {
    useHandlers(...vaultHandlers({ scenario: 'metadata-denied' }));
    const { element } = await mountSecrets();
    await waitForState(element, 'ready');
    await poll(() => rowOf(element, 'database').textContent).toContain('Details unavailable: No access');
    await poll(() => rowOf(element, 'stripe').textContent).toContain('Details unavailable: No access');
    expect(hrefs(element)).toContain(`${UI}/show/payments-api/stripe`);
  });
});

describe('vault-secrets: folders', () => {
  it('expand in place, lazily, nested, and collapse again', async () => {
    useHandlers(...vaultHandlers());
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    expect(requests('/config')).toHaveLength(0);
    const config = folderButton(element, 'config/');
    expect(config.getAttribute('aria-expanded')).toBe('false');
    config.click();
    await poll(() => text()).toContain('feature-flags');
    expect(folderButton(element, 'config/').getAttribute('aria-expanded')).toBe('true');
    expect(new URL(requests('/config?list=true')[0]?.url ?? '').pathname).toBe(`${LIST}/config`);
    await poll(() => rowOf(element, 'feature-flags').textContent).toContain('v5');
    expect(hrefs(element)).toContain(`${UI}/show/payments-api/config/feature-flags`);
    expect(hrefs(element)).toContain(`${UI}/edit/payments-api/config/smtp`);

    folderButton(element, 'regional/').click();
    await poll(() => text()).toContain('eu-west-1');
    await poll(() => rowOf(element, 'eu-west-1').textContent).toContain('region: eu-west-1');
    expect(hrefs(element)).toContain(`${UI}/show/payments-api/config/regional/eu-west-1`);
    expect(requests(`${LIST}/config/regional/eu-west-1`)).toHaveLength(1);

    folderButton(element, 'config/').click();
    await element.updateComplete;
    expect(text()).not.toContain('feature-flags');
    expect(text()).not.toContain('eu-west-1');
    // Opening again shows what was read, without asking Vault again.
    folderButton(element, 'config/').click();
    await element.updateComplete;
    expect(text()).toContain('eu-west-1');
    expect(requests('/config?list=true')).toHaveLength(1);
  });

  it('a folder that fails shows the reason on that folder only, and retries', async () => {
    useHandlers(...vaultHandlers({ scenario: 'folder-denied' }));
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    folderButton(element, 'legacy/').click();
    folderButton(element, 'config/').click();
    await poll(() => text()).toContain('Could not list legacy/');
    // Both folders settled: the one that lists, and the one that failed (alone).
    await poll(() => text()).toContain('feature-flags');
    const status = all(element, 'tr.folder-status');
    expect(status).toHaveLength(1);
    expect(status[0]?.textContent).toContain('No access');
    expect(shadow(element).querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');

    useHandlers(...vaultHandlers());
    const retry = status[0]?.querySelector('button');
    expect(retry?.textContent).toContain('Retry');
    retry?.click();
    await poll(() => text()).toContain('old-db-password');
    expect(text()).not.toContain('Could not list legacy/');
  });

  it('a folder with nothing in it (Vault: 404) says so', async () => {
    useHandlers(http.get(`${LIST}/legacy`, () => HttpResponse.json(vaultErrors(), { status: 404 })), ...vaultHandlers());
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    folderButton(element, 'legacy/').click();
    await poll(() => text()).toContain('No secrets in legacy/');
  });
});

describe('vault-secrets: metadata requests are bounded', () => {
  it(`reads metadata for the first ${DETAIL_BATCH} visible secrets, ${DETAIL_CONCURRENCY} at a time, more on request`, async () => {
    let inFlight = 0;
    let peak = 0;
    useHandlers(http.get(`${LIST}/:name`, async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await delay(30);
      inFlight -= 1;
      return undefined;
    }), ...vaultHandlers({ scenario: 'many', many: 45 }));
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    expect(all(element, 'tbody tr')).toHaveLength(45);
    await poll(() => rowOf(element, 'svc-019').textContent).toContain('v2');
    const details = () => requests(`${LIST}/svc-`).length;
    expect(details()).toBe(DETAIL_BATCH);
    expect(peak).toBe(DETAIL_CONCURRENCY);
    expect(rowOf(element, 'svc-020').textContent).toContain('–');
    expect(text()).toContain('Details for the first 20 of 45 secrets.');

    const more = shadow(element).querySelector<HTMLButtonElement>('button.more');
    expect(more?.textContent).toContain('Load details for 20 more');
    more?.click();
    await poll(() => rowOf(element, 'svc-039').textContent).toContain('v2');
    expect(details()).toBe(40);
    expect(peak).toBe(DETAIL_CONCURRENCY);
    expect(shadow(element).querySelector('button.more')?.textContent).toContain('Load details for 5 more');
    expect(rowOf(element, 'svc-044').textContent).toContain('–');
  });

  it('Reload reads the listing, the open folders and the shown metadata again', async () => {
    useHandlers(...vaultHandlers());
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    folderButton(element, 'config/').click();
    await poll(() => rowOf(element, 'feature-flags').textContent).toContain('v5');
    expect(requests(`${LIST}/config?list=true`)).toHaveLength(1);
    expect(requests(`${LIST}/database`)).toHaveLength(1);
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await poll(() => requests(`${LIST}/config/feature-flags`).length).toBe(2);
    await poll(() => requests(`${LIST}/database`).length).toBe(2);
    expect(requests(`${LIST}/config?list=true`)).toHaveLength(2);
    expect(requests(`${LIST}?list=true`)).toHaveLength(2);
    expect(text()).not.toContain('loading…');
  });
});

describe('vault-secrets: configuration', () => {
  it('names the missing attribute and its annotation, and sends nothing', async () => {
    // A fetch of its own: the shared request log can still receive the previous test's stragglers.
    const sent: string[] = [];
    const host = testHost({ fetch: (input, init) => {
      sent.push(input instanceof Request ? input.url : input.toString());
      return globalThis.fetch(input, init);
    } });
    const none = await mountSecrets({ path: '' }, host);
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set secrets-path (annotation vault.io/secrets-path)');
    expect(none.text()).toContain('secrets-engine (annotation vault.io/secrets-engine, default "secrets")');
    await expectAccessible(none.element);
    const slash = await mountSecrets({ path: '/' }, host);
    await waitForState(slash.element, 'not-configured');
    const walkUp = await mountSecrets({ path: 'team/../../sys' }, host);
    await waitForState(walkUp.element, 'not-configured');
    expect(walkUp.text()).toContain('must not contain "." or ".." segments');
    const noEndpoint = await mountSecrets({}, { ...host, endpoints: {} });
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Vault endpoint is configured (endpoints["vault"])');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toEqual([]);
  });

  it('secrets-engine picks the mount; a nested mount is one segment in UI links', async () => {
    useHandlers(...vaultHandlers({ mount: 'platform/kv', path: 'team-a/payments' }));
    const { element, text } = await mountSecrets({ engine: '/platform/kv/', path: 'team-a/payments/' });
    await waitForState(element, 'ready');
    expect(text()).toContain('platform/kv/team-a/payments');
    expect(new URL(requests('?list=true')[0]?.url ?? '').pathname).toBe('/proxy/vault/v1/platform/kv/metadata/team-a/payments');
    expect(hrefs(element)).toContain('https://vault.example.com/ui/vault/secrets/platform%2Fkv/show/team-a/payments/database');
    expect(hrefs(element)).toContain('https://vault.example.com/ui/vault/secrets/platform%2Fkv/list/team-a/payments/');
  });

  it('vault-namespace goes in X-Vault-Namespace on every request and ?namespace= on every link', async () => {
    useHandlers(...vaultHandlers({ namespace: 'team-a' }));
    const { element, text } = await mountSecrets({ namespace: 'team-a' });
    await waitForState(element, 'ready');
    expect(text()).toContain('namespace team-a');
    folderButton(element, 'config/').click();
    await poll(() => rowOf(element, 'smtp').textContent).toContain('v2');
    const sent = requests(LIST);
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.every((r) => r.headers['x-vault-namespace'] === 'team-a')).toBe(true);
    const links = hrefs(element);
    expect(links).toContain(`${UI}/show/payments-api/config/smtp?namespace=team-a`);
    expect(links.every((href) => new URL(href).searchParams.get('namespace') === 'team-a')).toBe(true);
  });

  it('without the namespace Vault denies the path: degraded with the deep link', async () => {
    useHandlers(...vaultHandlers({ namespace: 'team-a' }));
    const { element, text } = await mountSecrets();
    await waitForState(element, 'degraded');
    expect(text()).toContain('No access');
  });

  it('instance picks another Vault server for requests and links', async () => {
    const endpoints = { ...testEndpoints(), 'vault:eu': { api: '/proxy/vault-eu', ui: 'https://vault-eu.example.com' } };
    useHandlers(...vaultHandlers({ base: '/proxy/vault-eu' }));
    const { element } = await mountSecrets({ instance: 'eu' }, testHost({ endpoints }));
    await waitForState(element, 'ready');
    await poll(() => rowOf(element, 'database').textContent).toContain('v3');
    expect(requests('/proxy/vault-eu/v1/secrets/metadata/payments-api?list=true')).toHaveLength(1);
    expect(requests('/proxy/vault/')).toHaveLength(0);
    expect(requests('/proxy/vault-eu/')[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(hrefs(element)).toContain('https://vault-eu.example.com/ui/vault/secrets/secrets/show/payments-api/database');
    expect(hrefs(element).some((href) => href.startsWith('https://vault.example.com'))).toBe(false);
  });

  it('hostile paths stay inside the API base; hostile keys and metadata render as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    useHandlers(
      http.get('/proxy/vault/v1/secrets/metadata/:team/:name', ({ request }) => new URL(request.url).searchParams.get('list')
        ? HttpResponse.json(vaultResponse({ keys: [hostile, '../', 'ok'] }))
        : HttpResponse.json(vaultResponse({ current_version: 1, custom_metadata: { '<b>k</b>': hostile }, versions: {} }))),
      http.get('/proxy/vault/v1/secrets/metadata/:team/:name/:key', () =>
        HttpResponse.json(vaultResponse({ current_version: 1, custom_metadata: { '<b>k</b>': hostile }, versions: {} }))),
    );
    const { element, text } = await mountSecrets({ path: 'team a/<script>' });
    await waitForState(element, 'ready');
    expect(requests('?list=true')[0]?.url).toContain('/proxy/vault/v1/secrets/metadata/team%20a/%3Cscript%3E?list=true');
    await poll(() => all(element, '.chip').map((chip) => chip.textContent)).toContain(`<b>k</b>: ${hostile}`);
    expect(text()).toContain(hostile);
    expect(shadow(element).querySelector('img, b, script')).toBeNull();
    expect(hrefs(element)).toContain(`${UI}/show/team%20a/%3Cscript%3E/${encodeURIComponent(hostile)}`);
    // A key `../` would walk up: no link, and expanding it sends nothing.
    folderButton(element, '../').click();
    await poll(() => text()).toContain('Request rejected by the tool');
    expect(requests().some((r) => /\/\.\.(\/|\?|$)/.test(new URL(r.url).pathname))).toBe(false);
  });
});

describe('vault-secrets: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...vaultHandlers());
    const { element, text } = await mountSecrets();
    await waitForState(element, 'ready');
    useHandlers(http.get(LIST, () => HttpResponse.json(vaultErrors('Vault is sealed'), { status: 503 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('jwt-signing-key');
    await expectAccessible(element);
    useHandlers(...vaultHandlers());
    shadow(element).querySelector<HTMLButtonElement>('.stale button')?.click();
    await poll(() => text()).not.toContain('Stale');
  });

  it('emits pw-state and tells the host, never with the token', async () => {
    useHandlers(...vaultHandlers({ scenario: 'sign-in' }));
    const hostEvents: unknown[] = [];
    const seen: unknown[] = [];
    const { element } = await mountSecrets({}, testHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await poll(() => seen).toContainEqual({ state: 'degraded', stale: false, reason: 'Sign-in needed' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

describe('vault-secrets: faults on the list request', () => {
  it('404, then secrets appear: recovers to ready', async () => {
    useHandlers(http.get(LIST, () => HttpResponse.json(vaultErrors(), { status: 404 })));
    const { element } = await mountSecrets();
    await waitForState(element, 'empty');
    useHandlers(...vaultHandlers());
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await waitForState(element, 'ready');
  });

  faultMatrix({
    widget: 'vault-secrets',
    mount: async (host) => (await mountSecrets({ interval: '30' }, host)).element,
    handlers: () => vaultHandlers(),
    url: LIST,
    emptyBody: vaultResponse({ keys: [] }),
    invalidBody: { data: { keys: 'database' } },
    largeBody: () => vaultResponse({ keys: Array.from({ length: 308_405 }, (_, i) => `service-config-${String(i).padStart(6, '0')}`) }),
    deepLink: `${UI}/list/payments-api/`,
    // Vault answers 404 for a path with nothing under it: for this widget that is the empty state.
    overrides: { '404': { state: 'empty' } },
  });
});
