import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './image-trail.js';
import type { ImageTrail } from './image-trail.component.js';
import { imageTrailHandlers, type ImageTrailScenario } from './fixtures/handlers.js';
import { DIGEST, KARGO_PROJECT, KUBERNETES_ID, NAMESPACE, SLUG, TAG } from './fixtures/trail.js';

interface Attrs {
  slug?: string;
  tag?: string;
  digest?: string;
  project?: string;
  app?: string;
  namespace?: string;
  id?: string;
}

const FULL: Attrs = { slug: SLUG, tag: TAG, project: KARGO_PROJECT, app: 'guestbook', namespace: NAMESPACE, id: KUBERNETES_ID };

async function mountTrail(attrs: Attrs = FULL, host = fakeHost()) {
  return mountWidget<ImageTrail>(
    html`<image-trail repository-slug=${attrs.slug ?? ''} tag=${attrs.tag ?? ''} digest=${attrs.digest ?? ''} kargo-project=${attrs.project ?? ''}
      app-name=${attrs.app ?? ''} namespace=${attrs.namespace ?? ''} kubernetes-id=${attrs.id ?? ''} refresh-interval="0"></image-trail>`,
    host,
  );
}

function step(element: Element, tool: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(`li.step[data-tool="${tool}"]`);
  if (!found) throw new Error(`step ${tool} not found`);
  return found;
}

async function ready(scenario: ImageTrailScenario, attrs: Attrs = FULL, host = fakeHost()) {
  useHandlers(...imageTrailHandlers({ scenario }));
  const mounted = await mountTrail(attrs, host);
  await waitForState(mounted.element, 'ready');
  return mounted.element;
}

describe('image-trail: the five states', () => {
  it('not configured: names what to set, and sends nothing', async () => {
    const { element, text } = await mountTrail({});
    await waitForState(element, 'not-configured');
    expect(text()).toContain('Set digest (annotation platform-widgets.io/image-digest), or tag (annotation platform-widgets.io/image-tag) with repository-slug.');
    const bad = await mountTrail({ digest: 'latest' });
    await waitForState(bad.element, 'not-configured');
    expect(bad.text()).toContain('digest "latest" is not a digest');
    const none = await mountTrail(FULL, fakeHost({ endpoints: {} }));
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('No endpoint is configured for any of Harbor');
    expect(requests()).toHaveLength(0);
    await expectAccessible(element);
  });

  it('loading: a skeleton until every tool has answered', async () => {
    useHandlers(...imageTrailHandlers({ latencyMs: 300 }));
    const { element } = await mountTrail();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('.skeleton')).not.toBeNull();
    await waitForState(element, 'ready');
  });

  it('ready: Harbor → Kargo → Argo CD → Kubernetes in order, each with its time and link', async () => {
    const element = await ready('in-production');
    const order = [...shadow(element).querySelectorAll<HTMLElement>('li.step')].map((li) => li.dataset.tool);
    expect(order).toEqual(['harbor', 'kargo', 'argocd', 'kubernetes']);
    expect(visibleText(step(element, 'harbor'))).toMatch(/Harbor.*Has it.*ago.*pushed as sha256:9f8e7d6c5b4a.*tags: 1\.8\.2, latest.*vulnerabilities: 1 critical, 3 high, 7 medium, 12 low/);
    expect(visibleText(step(element, 'kargo'))).toMatch(/freight brave-heron.*test: has it.*uat: not yet.*prod: not yet/);
    expect(visibleText(step(element, 'argocd'))).toContain('guestbook: Synced · Healthy');
    expect(visibleText(step(element, 'kubernetes'))).toMatch(/2 pods run it; 1 other does not/);
    expect(visibleText(shadow(element).querySelector('.head') as Element)).toContain('Running: 2 pods run it');
    expect(step(element, 'harbor').querySelector('a')?.getAttribute('href'))
      .toBe(`https://harbor.example.com/harbor/projects/7/repositories/guestbook%252Fweb/artifacts-tab/artifacts/${DIGEST}`);
    expect(step(element, 'kargo').querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\/kargo\.example\.com\/project\/kargo-demo\/freight\//);
    await expectAccessible(element);
    element.setAttribute('theme', 'dark');
    await element.updateComplete;
    await expectAccessible(element);
  });

  it('degraded: a tag Harbor cannot resolve leaves nothing to follow — the Harbor link with the reason', async () => {
    useHandlers(...imageTrailHandlers({ scenario: 'harbor-outage' }));
    const { element, text } = await mountTrail();
    await waitForState(element, 'degraded');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('https://harbor.example.com/harbor/projects');
  });

  it('an image nowhere deployed: every tool answered, and says so (never "empty")', async () => {
    const element = await ready('not-deployed');
    expect(step(element, 'argocd').dataset.state).toBe('absent');
    expect(step(element, 'kubernetes').dataset.state).toBe('absent');
    expect(visibleText(shadow(element).querySelector('.head') as Element)).toContain('Not running: none of 1 pods runs this digest');
  });
});

describe('image-trail: tag → digest', () => {
  it('a tag is resolved through Harbor once, and the digest — not the tag — is followed', async () => {
    const element = await ready('in-production');
    const harbor = requests('/proxy/harbor/');
    expect(harbor).toHaveLength(1);
    expect(harbor[0]?.url).toContain(`/repositories/guestbook%252Fweb/artifacts/${TAG}?with_tag=true&with_scan_overview=true`);
    expect(visibleText(shadow(element).querySelector('.digest') as Element)).toMatch(/Following sha256:9f8e7d6c5b4a \(tag 1\.8\.2 ?, resolved through Harbor\)/);
  });

  it('a digest is followed as given; Harbor is asked about that digest', async () => {
    await ready('in-production', { ...FULL, tag: undefined, digest: DIGEST });
    expect(requests('/proxy/harbor/')[0]?.url).toContain(`/artifacts/${encodeURIComponent(DIGEST)}?`);
  });

  it('an Argo CD application showing only the tag is "by tag only", not proof', async () => {
    useHandlers(
      http.get('/proxy/argocd/api/v1/applications/:name', () => HttpResponse.json({ metadata: { name: 'guestbook' }, status: { sync: { status: 'Synced' }, health: { status: 'Healthy' }, summary: { images: [`harbor.example.com/storefront/guestbook/web:${TAG}`] } } })),
      ...imageTrailHandlers(),
    );
    const { element } = await mountTrail();
    await waitForState(element, 'ready');
    expect(step(element, 'argocd').dataset.state).toBe('partial');
    expect(visibleText(step(element, 'argocd'))).toContain('a tag, not proof of this digest');
  });

  it('a tag Harbor does not know: degraded, "not found"', async () => {
    useHandlers(...imageTrailHandlers({ scenario: 'tag-not-found' }));
    const { element, text } = await mountTrail();
    await waitForState(element, 'degraded');
    expect(text()).toContain('Not found: check the annotation');
  });
});

describe('image-trail: gaps and faults', () => {
  it('a tool without its attributes or endpoint is a gap ("not configured"), never "absent"', async () => {
    const endpoints = { ...testEndpoints() };
    delete endpoints.kargo;
    const element = await ready('in-production', { ...FULL, app: undefined }, fakeHost({ endpoints }));
    expect(step(element, 'kargo').dataset.state).toBe('gap');
    expect(visibleText(step(element, 'kargo'))).toContain('Not configured not configured: no Kargo endpoint');
    expect(step(element, 'argocd').dataset.state).toBe('gap');
    expect(visibleText(step(element, 'argocd'))).toContain('set app-name or app-selector');
    expect(requests('/proxy/kargo/')).toHaveLength(0);
    expect(requests('/proxy/argocd/')).toHaveLength(0);
  });

  it('a digest with no Harbor configured: Harbor is a gap, the rest is followed', async () => {
    const endpoints = { ...testEndpoints() };
    delete endpoints.harbor;
    const element = await ready('in-production', { ...FULL, slug: undefined, tag: undefined, digest: DIGEST }, fakeHost({ endpoints }));
    expect(step(element, 'harbor').dataset.state).toBe('gap');
    expect(step(element, 'kubernetes').dataset.state).toBe('found');
  });

  it('a tool that fails is "unknown: <reason>"; the others still answer', async () => {
    useHandlers(http.get('/proxy/argocd/api/v1/applications/:name', () => HttpResponse.json({ message: 'denied' }, { status: 403 })), ...imageTrailHandlers({ scenario: 'kargo-outage' }));
    const { element } = await mountTrail();
    await waitForState(element, 'ready');
    expect(visibleText(step(element, 'kargo'))).toContain('unknown: Tool unavailable (HTTP 503)');
    expect(visibleText(step(element, 'argocd'))).toContain('unknown: No access');
    expect(step(element, 'kubernetes').dataset.state).toBe('found');
  });

  it('a pending and a failed promotion of the freight', async () => {
    expect(visibleText(step(await ready('promotion-pending'), 'kargo'))).toContain('uat: promotion running');
    const failed = await ready('promotion-failed');
    expect(visibleText(step(failed, 'kargo'))).toContain('uat: promotion failed (step "git-push" failed: remote rejected (protected branch))');
  });
});
