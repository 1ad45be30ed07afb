import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { PwActionDetail } from '../kit/index.js';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './kargo-stages.js';
import { KARGO_SERVICE } from './kargo-stages.api.js';
import { KARGO_ACTIONS, type KargoStages } from './kargo-stages.component.js';
import { kargoHandlers } from './fixtures/handlers.js';
import { healthyStages } from './fixtures/project.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

/** Thousands of stages, each fed by the one before (a long pipeline). */
function manyStages(count: number): unknown[] {
  const [template] = healthyStages();
  return times(count, (i) => ({
    ...template,
    metadata: { ...template?.metadata, name: `stage-${i}` },
    spec: { ...template?.spec, requestedFreight: [{ origin: { kind: 'Warehouse', name: 'guestbook' }, sources: i ? { stages: [`stage-${i - 1}`] } : { direct: true } }] },
  }));
}

const CONNECT = `/proxy/kargo/${KARGO_SERVICE}`;
const KUBE = '/proxy/kargo/apis/kargo.akuity.io/v1alpha1/namespaces/kargo-demo';
const UI = 'https://kargo.example.com';
const allowPromote = { decisions: { [KARGO_ACTIONS.promote]: 'allow' } } as const;

interface Attrs {
  project?: string;
  stage?: string;
  flavor?: string;
  interval?: string;
}

async function mountKargo(attrs: Attrs = {}, host = fakeHost()) {
  const { project = 'kargo-demo', stage = '', flavor = '', interval = '0' } = attrs;
  return mountWidget<KargoStages>(
    html`<kargo-stages project=${project} stage=${stage} api-flavor=${flavor} refresh-interval=${interval}></kargo-stages>`,
    host,
  );
}

function query<T extends Element>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

function pipelineSteps(element: Element): string[] {
  return [...shadow(element).querySelectorAll('.pipeline > li .step')].map((step) => visibleText(step));
}

function stageSection(element: Element, name: string): HTMLElement {
  const section = [...shadow(element).querySelectorAll<HTMLElement>('section.stage')].find((s) => s.querySelector('h3')?.textContent?.includes(name));
  if (!section) throw new Error(`stage ${name} not shown`);
  return section;
}

function promoteButton(section: HTMLElement, alias: string): HTMLButtonElement {
  const button = [...section.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(`Promote ${alias}`));
  if (!button) throw new Error(`no Promote ${alias} button`);
  return button;
}

describe('kargo-stages: pipeline', () => {
  it('shows the pipeline in promotion order, health, current freight, last promotion and history', async () => {
    useHandlers(...kargoHandlers());
    const { element, text } = await mountKargo();
    await waitForState(element, 'ready');
    const steps = pipelineSteps(element);
    expect(steps.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['Warehouse guestbook', 'test ✓', 'uat ✓', 'prod ✓']);
    expect(shadow(element).querySelector('ol.pipeline')?.getAttribute('aria-label')).toBe('Promotion pipeline');
    const test = stageSection(element, 'test');
    expect(visibleText(test)).toContain('brave-heron');
    expect(visibleText(test)).toContain('ghcr.io/example/guestbook:1.8.2');
    expect(visibleText(test)).toContain('commit 9f8e7d6');
    expect(visibleText(test)).toContain('Succeeded');
    expect(visibleText(test)).toMatch(/3 (hr\.|hours?) ago/);
    expect(visibleText(test)).toContain('fruitful-ferret');
    expect(text()).toContain('3 stages');
    expect(text()).toContain('All healthy');
    const links = [...shadow(element).querySelectorAll('a')].map((a) => a.href);
    expect(links).toContain(`${UI}/project/kargo-demo/stage/test`);
    expect(links).toContain(`${UI}/project/kargo-demo`);
    expect(links).toContain(`${UI}/project/kargo-demo/freight/c2e4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9`);
    await expectAccessible(element);
  });

  it('sends Connect requests with the project and the protocol header, token only to the API', async () => {
    useHandlers(...kargoHandlers());
    const { element } = await mountKargo();
    await waitForState(element, 'ready');
    const calls = requests(CONNECT);
    expect(calls.map((r) => r.url.split('/').at(-1)).sort()).toEqual(['ListPromotions', 'ListStages', 'QueryFreight']);
    for (const call of calls) {
      expect(call.method).toBe('POST');
      expect(call.headers['connect-protocol-version']).toBe('1');
      expect(call.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    }
    expect(requests().every((r) => r.url.includes('/proxy/kargo/'))).toBe(true);
  });

  it('lists the freight available to each stage: warehouse for direct, verified upstream or approved otherwise', async () => {
    useHandlers(...kargoHandlers());
    const { element } = await mountKargo();
    await waitForState(element, 'ready');
    const available = (name: string) => [...stageSection(element, name).querySelectorAll('.available > li .alias')].map((a) => a.textContent?.trim());
    expect(available('test')).toEqual(['jolly-otter', 'fruitful-ferret', 'quiet-lynx']);
    expect(available('uat')).toEqual(['brave-heron', 'quiet-lynx']);
    expect(available('prod')).toEqual(['fruitful-ferret']);
  });

  it('is accessible in the dark theme, with an unhealthy stage and a failed promotion explained', async () => {
    useHandlers(...kargoHandlers({ scenario: 'unhealthy' }));
    const { element, text } = await mountKargo({}, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    const prod = visibleText(stageSection(element, 'prod'));
    expect(prod).toContain('Unhealthy');
    expect(prod).toContain('0/3 ready replicas');
    expect(prod).toContain('Failed');
    expect(prod).toContain('timed out waiting for Application guestbook-prod');
    expect(text()).toContain('1 not healthy');
    await expectAccessible(element);
  });

  it('focuses one stage: only its section, marked in the pipeline, deep link to the stage', async () => {
    useHandlers(...kargoHandlers());
    const { element } = await mountKargo({ stage: 'uat' });
    await waitForState(element, 'ready');
    expect(shadow(element).querySelectorAll('section.stage')).toHaveLength(1);
    expect(stageSection(element, 'uat')).toBeTruthy();
    expect(visibleText(query(element, '[aria-current="step"]'))).toContain('uat');
  });

  it('reads the pre-1.0 shape (phase, currentFreight, subscriptions)', async () => {
    useHandlers(...kargoHandlers({ scenario: 'legacy' }));
    const { element } = await mountKargo();
    await waitForState(element, 'ready');
    expect(pipelineSteps(element).map((s) => s.split(' ')[0])).toEqual(['Warehouse', 'test', 'uat']);
    const test = visibleText(stageSection(element, 'test'));
    expect(test).toContain('Steady');
    expect(test).toContain('brave-heron');
    expect(test).toContain('quiet-lynx');
    expect(visibleText(stageSection(element, 'uat'))).toContain('Verifying');
  });

  it('without ListPromotions, the last promotion comes from the stage', async () => {
    useHandlers(...kargoHandlers({ scenario: 'promotions-unavailable' }));
    const { element } = await mountKargo();
    await waitForState(element, 'ready');
    expect(visibleText(stageSection(element, 'test'))).toContain('Succeeded');
  });

  it('no stages is the empty state with the project link', async () => {
    useHandlers(...kargoHandlers({ scenario: 'empty' }));
    const { element, text } = await mountKargo();
    await waitForState(element, 'empty');
    expect(text()).toContain('No stages in project kargo-demo yet');
    expect(shadow(element).querySelector('a')?.href).toBe(`${UI}/project/kargo-demo`);
  });

  it('an unknown focused stage degrades to the project link with "not found"', async () => {
    useHandlers(...kargoHandlers());
    const { element, text } = await mountKargo({ stage: 'staging' });
    await waitForState(element, 'degraded');
    expect(text()).toContain('Not found: check the annotation');
    expect(shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.href).toBe(`${UI}/project/kargo-demo/stage/staging`);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.post(`${CONNECT}/ListStages`, async () => {
      await delay(300);
      return undefined;
    }), ...kargoHandlers());
    const { element } = await mountKargo();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Kargo data');
    await waitForState(element, 'ready');
  });
});

describe('kargo-stages: Kubernetes flavour', () => {
  it('reads the custom resources and promotes by creating a Promotion', async () => {
    useHandlers(...kargoHandlers({ promotionMs: 200 }));
    const { element, text } = await mountKargo({ flavor: 'kubernetes', stage: 'prod' }, fakeHost(allowPromote));
    await waitForState(element, 'ready');
    expect(requests(CONNECT)).toHaveLength(0);
    expect(requests(`${KUBE}/stages`)).toHaveLength(1);
    expect(requests(`${KUBE}/freights`)).toHaveLength(1);
    promoteButton(stageSection(element, 'prod'), 'fruitful-ferret').click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text(), { timeout: 8_000 }).toContain('Promoted fruitful-ferret to prod');
    const post = requests(`${KUBE}/promotions`).find((r) => r.method === 'POST');
    expect(post?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });
});

describe('kargo-stages: configuration', () => {
  it('names the missing attribute and its annotation, and sends nothing', async () => {
    const none = await mountKargo({ project: '' });
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set project (annotation platform-widgets.io/kargo-project)');
    const flavor = await mountKargo({ flavor: 'grpc' });
    await waitForState(flavor.element, 'not-configured');
    expect(flavor.text()).toContain('Set api-flavor to connect or kubernetes');
    const noEndpoint = await mountKargo({}, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Kargo endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('hostile values stay inside the API base and render as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    useHandlers(
      http.post(`${CONNECT}/ListStages`, () => HttpResponse.json({ stages: [{ metadata: { name: hostile }, status: { health: { status: '<b>bold</b>', issues: ['<script>x</script>'] } } }] })),
      http.post(`${CONNECT}/QueryFreight`, () => HttpResponse.json({ groups: {} })),
      http.post(`${CONNECT}/ListPromotions`, () => HttpResponse.json({})),
    );
    const { element, text } = await mountKargo({ project: '../../admin' });
    await waitForState(element, 'ready');
    const body = requests(`${CONNECT}/ListStages`)[0];
    expect(body?.url).toBe(`${location.origin}${CONNECT}/ListStages`);
    expect(shadow(element).querySelector('img, b, script')).toBeNull();
    expect(text()).toContain('<b>bold</b>');
    expect(text()).toContain(hostile);
    expect(shadow(element).querySelector('section.stage a')?.getAttribute('href')).toBe(`${UI}/project/..%2F..%2Fadmin/stage/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  });
});

describe('kargo-stages: promote', () => {
  it('without an explicit allow, Promote is disabled with the reason and does nothing', async () => {
    useHandlers(...kargoHandlers());
    const { element, text } = await mountKargo();
    await waitForState(element, 'ready');
    const button = promoteButton(stageSection(element, 'uat'), 'brave-heron');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(text()).toContain('Promote to uat: no permission');
    button.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog')).toBeNull();
    expect(requests(`${CONNECT}/PromoteToStage`)).toHaveLength(0);
  });

  it('asks decide per stage with the stage resourceRef; a throwing decide is a deny', async () => {
    useHandlers(...kargoHandlers());
    const asked: string[] = [];
    const host = fakeHost({ decide: (action, ref) => (asked.push(`${action} ${ref}`), ref.endsWith('/uat') ? Promise.resolve('allow') : Promise.reject(new Error('down'))) });
    const { element } = await mountKargo({}, host);
    await waitForState(element, 'ready');
    expect(asked.sort()).toEqual(['kargo/kargo-demo/prod', 'kargo/kargo-demo/test', 'kargo/kargo-demo/uat'].map((ref) => `kargo.stage.promote ${ref}`));
    expect(promoteButton(stageSection(element, 'uat'), 'brave-heron').getAttribute('aria-disabled')).toBe('false');
    expect(promoteButton(stageSection(element, 'test'), 'jolly-otter').getAttribute('aria-disabled')).toBe('true');
  });

  it('confirms, shows progress, follows the promotion to success and emits pw-action', async () => {
    useHandlers(...kargoHandlers());
    const { element, text } = await mountKargo({}, fakeHost(allowPromote));
    const actions: PwActionDetail[] = [];
    element.addEventListener('pw-action', (e) => actions.push(e.detail));
    await waitForState(element, 'ready');
    promoteButton(stageSection(element, 'uat'), 'brave-heron').click();
    await element.updateComplete;
    const dialog = query<HTMLDialogElement>(element, 'dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Promote brave-heron to uat?');
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text()).toContain('Promotion running…');
    // One promotion at a time: every other Promote waits.
    expect(text()).toContain('Promoting…');
    expect(promoteButton(stageSection(element, 'test'), 'jolly-otter').getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => text(), { timeout: 8_000 }).toContain('Promoted brave-heron to uat');
    const post = requests(`${CONNECT}/PromoteToStage`)[0];
    expect(post?.headers['connect-protocol-version']).toBe('1');
    expect(actions.map((a) => a.phase)).toEqual(['requested', 'succeeded']);
    expect(actions[0]).toMatchObject({ action: 'kargo.stage.promote', resourceRef: 'kargo/kargo-demo/uat' });
    // The stage now runs the promoted freight.
    expect(visibleText(stageSection(element, 'uat').querySelector('dd') ?? element)).toContain('brave-heron');
  });

  it('sends the project, stage and freight name in the Connect body', async () => {
    let body: unknown;
    useHandlers(http.post(`${CONNECT}/PromoteToStage`, async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ code: 'internal', message: 'boom' }, { status: 500 });
    }), ...kargoHandlers());
    const { element, text } = await mountKargo({ stage: 'prod' }, fakeHost(allowPromote));
    const phases: string[] = [];
    element.addEventListener('pw-action', (e) => phases.push(e.detail.phase));
    await waitForState(element, 'ready');
    promoteButton(stageSection(element, 'prod'), 'fruitful-ferret').click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text()).toContain('Promotion failed: Tool unavailable (HTTP 500)');
    expect(body).toEqual({ project: 'kargo-demo', stage: 'prod', freight: '47b33c0c92b54439e5eb7fb80ecc83f8626fe390' });
    expect(phases).toEqual(['requested', 'failed']);
  });

  it('a promotion that fails in Kargo reports its message', async () => {
    useHandlers(...kargoHandlers({ scenario: 'promotion-fails', promotionMs: 200 }));
    const { element, text } = await mountKargo({ stage: 'test' }, fakeHost(allowPromote));
    await waitForState(element, 'ready');
    promoteButton(stageSection(element, 'test'), 'jolly-otter').click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text(), { timeout: 8_000 }).toContain('Promotion failed: step "git-push" failed');
  });

  it('cancelling the confirmation sends nothing', async () => {
    useHandlers(...kargoHandlers());
    const { element } = await mountKargo({}, fakeHost(allowPromote));
    const phases: string[] = [];
    element.addEventListener('pw-action', (e) => phases.push(e.detail.phase));
    await waitForState(element, 'ready');
    promoteButton(stageSection(element, 'test'), 'jolly-otter').click();
    await element.updateComplete;
    query<HTMLDialogElement>(element, 'dialog').dispatchEvent(new Event('cancel'));
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog')).toBeNull();
    expect(phases).toEqual(['cancelled']);
    expect(requests(`${CONNECT}/PromoteToStage`)).toHaveLength(0);
  });
});

describe('kargo-stages: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails', async () => {
    useHandlers(...kargoHandlers());
    const { element, text } = await mountKargo();
    await waitForState(element, 'ready');
    useHandlers(http.post(`${CONNECT}/ListStages`, () => new HttpResponse(null, { status: 503 })));
    query<HTMLButtonElement>(element, 'button.refresh').click();
    await expect.poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('brave-heron');
    await expectAccessible(element);
  });

  it('emits pw-state and pw-error, never with the token', async () => {
    useHandlers(...kargoHandlers({ scenario: 'sign-in' }));
    const seen: unknown[] = [];
    const hostEvents: unknown[] = [];
    const { element } = await mountKargo({}, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen).toContainEqual({ state: 'degraded', stale: false, reason: 'Sign-in needed' });
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'kargo-stages (connect)',
  mount: async (host) => (await mountKargo({ interval: '30' }, host)).element,
  handlers: () => kargoHandlers(),
  url: `${CONNECT}/ListStages`,
  method: 'post',
  emptyBody: { stages: [] },
  // Connect/protobuf JSON omits an empty repeated field: `{}` is a real empty answer, so an
  // unrelated object cannot be told from "no stages" by shape.
  overrides: { 'schema-wrong-object': { state: 'empty' } },
  invalidBody: { stages: [{ metadata: { name: 7 } }] },
  largeBody: () => atLeastBytes((count) => ({ stages: manyStages(count) })),
  deepLink: `${UI}/project/kargo-demo`,
});

faultMatrix({
  widget: 'kargo-stages (kubernetes)',
  mount: async (host) => (await mountKargo({ flavor: 'kubernetes', stage: 'uat', interval: '30' }, host)).element,
  handlers: () => kargoHandlers(),
  url: `${KUBE}/stages`,
  emptyBody: { items: null },
  invalidBody: { items: [{ metadata: {} }] },
  largeBody: () => atLeastBytes((count) => ({ items: manyStages(count) })),
  deepLink: `${UI}/project/kargo-demo/stage/uat`,
});
