import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';
import { argoHandlers } from './fixtures/handlers.js';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { applicationSchema, type Application } from './argo-status.api.js';
import { ARGO_RULES } from './argo-status.diagnosis.js';
import { comparisonErrorApp, degradedApp, healthyApp, outOfSyncApp, syncFailedApp } from './fixtures/applications.js';

const UI = 'https://argocd.example.com';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/argocd/*.json', { eager: true, import: 'default' });
const real = (file: string): Application | undefined => {
  const raw = upstream[`../../../shared/fixtures/upstream/argocd/${file}`];
  return raw === undefined ? undefined : validate(applicationSchema, raw);
};
if (!Object.keys(upstream).length) console.warn(`[diagnosis] ${UPSTREAM_DIR}/argocd not found: Argo CD rules NOT checked against real responses.`);

const rulesOf = (app: Application) => diagnose(ARGO_RULES, { app, ui: UI }).map((d) => d.rule);

describe('argo-status diagnosis: one test per rule', () => {
  it('comparison-error: the condition message, linked to the conditions panel', () => {
    const [found] = diagnose(ARGO_RULES, { app: comparisonErrorApp, ui: UI });
    expect(found?.rule).toBe('comparison-error');
    expect(found?.seen).toContain('app path does not exist');
    expect(found?.link).toBe(`${UI}/applications/guestbook?conditions=true`);
  });

  it('sync-hook-failed: the failed hook with its message, linked to its logs', () => {
    const found = diagnose(ARGO_RULES, { app: syncFailedApp, ui: UI }).filter((d) => d.rule === 'sync-hook-failed');
    expect(found).toHaveLength(1);
    expect(found[0]?.subject).toBe('PreSync hook Job guestbook/guestbook-db-migrate');
    expect(found[0]?.seen).toBe('Job has reached the specified backoff limit');
    expect(found[0]?.link).toContain('node=batch%2FJob%2Fguestbook%2Fguestbook-db-migrate%2F0');
    expect(found[0]?.link).toContain('tab=logs');
  });

  it('sync-hook-failed: a failed resource that is no hook is not a hook failure', () => {
    const app = structuredClone(syncFailedApp);
    const resources = app.status?.operationState?.syncResult?.resources ?? [];
    for (const r of resources) r.hookType = undefined;
    expect(rulesOf(app)).not.toContain('sync-hook-failed');
  });

  it('out-of-sync-ignore-differences: each OutOfSync resource, linked to its diff', () => {
    const found = diagnose(ARGO_RULES, { app: outOfSyncApp, ui: UI }).filter((d) => d.rule === 'out-of-sync-ignore-differences');
    expect(found.map((d) => d.subject)).toEqual(['SealedSecret guestbook/guestbook-db']);
    expect(found[0]?.seen).toContain('1 ignoreDifferences rule apply (kinds: Deployment)');
    expect(found[0]?.link).toContain('tab=diff');
  });

  it('degraded-resource: the project fixture names the resource and its health message', () => {
    const found = diagnose(ARGO_RULES, { app: degradedApp, ui: UI }).filter((d) => d.rule === 'degraded-resource');
    expect(found.map((d) => [d.subject, d.seen])).toEqual([['Deployment guestbook/guestbook-ui', 'Deployment "guestbook-ui" exceeded its progress deadline']]);
  });

  it('a healthy application has no problem', () => {
    expect(rulesOf(healthyApp)).toEqual([]);
  });
});

describe(`argo-status diagnosis against ${UPSTREAM_DIR}/argocd`, () => {
  const degraded = real('application-synced-degraded-snipe-it.json');
  const healthy = real('application-synced-healthy-sockshop.json');
  const missing = real('application-outofsync-missing.json');

  it.skipIf(!degraded)('degraded-resource: the real Degraded application (snipe-it)', () => {
    const found = diagnose(ARGO_RULES, { app: degraded as Application, ui: UI });
    expect(found.map((d) => [d.rule, d.subject, d.seen])).toEqual([
      ['degraded-resource', 'Deployment snipe-it/snipe-it-helm-snipeit', 'Deployment "snipe-it-helm-snipeit" exceeded its progress deadline'],
    ]);
    expect(found[0]?.link).toContain('/applications/');
  });

  it.skipIf(!healthy)('the real healthy application (sockshop, 27 resources) has no problem', () => {
    expect(rulesOf(healthy as Application)).toEqual([]);
  });

  it.skipIf(!missing)('OutOfSync + Missing without ignoreDifferences is not an ignoreDifferences problem', () => {
    const app = missing as Application;
    expect(rulesOf(app)).toEqual([]);
    const withIgnore = { ...app, spec: { ...app.spec, ignoreDifferences: [{ kind: 'Secret' }] } };
    expect(rulesOf(withIgnore)).toEqual(['out-of-sync-ignore-differences', 'out-of-sync-ignore-differences']);
  });
});

describe('argo-status: the Problems region in the card', () => {
  it('shows a failed hook and its fix as text, with a link to the hook, axe-clean in light and dark', async () => {
    useHandlers(...argoHandlers({ scenario: 'sync-failed' }));
    const { element } = await mountWidget<ArgoStatus>(html`<argo-status app-name="guestbook" refresh-interval="0"></argo-status>`, fakeHost());
    await waitForState(element, 'ready');
    const region = await expectProblems(element, 'guestbook', ['sync-hook-failed']);
    expect(visibleText(region)).toContain('Job has reached the specified backoff limit');
    expect(region.querySelector('a')?.textContent).toContain('Open PreSync hook Job guestbook/guestbook-db-migrate in Argo CD');
  });

  it('a healthy application shows no Problems region', async () => {
    useHandlers(...argoHandlers({ scenario: 'healthy' }));
    const { element } = await mountWidget<ArgoStatus>(html`<argo-status app-name="guestbook" refresh-interval="0"></argo-status>`, fakeHost());
    await waitForState(element, 'ready');
    expect(shadow(element).querySelector('section.diagnoses')).toBeNull();
  });
});
