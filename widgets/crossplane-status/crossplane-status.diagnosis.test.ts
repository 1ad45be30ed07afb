import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { crossplaneObjectSchema, type CrossplaneObject } from './crossplane-status.api.js';
import './crossplane-status.js';
import type { CrossplaneStatus } from './crossplane-status.component.js';
import { CROSSPLANE_RULES, type CrossplaneDiagnosisObject } from './crossplane-status.diagnosis.js';
import { crossplaneHandlers } from './fixtures/handlers.js';
import { CLAIM, v1Claim, v1ManagedResources } from './fixtures/objects.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const DIR = '../../../shared/fixtures/upstream/crossplane';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/crossplane/*.json', { eager: true, import: 'default' });
const real = (file: string): CrossplaneObject | undefined => {
  const raw = upstream[`${DIR}/${file}`];
  return raw === undefined ? undefined : validate(crossplaneObjectSchema, raw);
};
if (!Object.keys(upstream).length) console.warn(`[diagnosis] ${UPSTREAM_DIR}/crossplane not found: Crossplane rules NOT checked against real responses.`);

const parse = (raw: unknown) => validate(crossplaneObjectSchema, raw);
const run = (objects: CrossplaneDiagnosisObject[], now = NOW) => diagnose(CROSSPLANE_RULES, { objects, now });
const rulesOf = (object: CrossplaneObject | undefined, role: CrossplaneDiagnosisObject['role'] = 'managed') =>
  run([{ object: object as CrossplaneObject, role, link: 'https://dash.example.com/x' }]).map((d) => d.rule);
const mr = (message: string): CrossplaneObject => parse({
  apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', metadata: { name: 'db' },
  status: { conditions: [{ type: 'Synced', status: 'False', reason: 'ReconcileError', message }] },
});

describe(`crossplane-status diagnosis against ${UPSTREAM_DIR}/crossplane`, () => {
  const cases: Array<[string, string[]]> = [
    ['managed-azure-resourcegroup-ready-true-synced-false.json', ['reconcile-replace']],
    ['managed-azure-nodepool-ready-true-synced-false.json', ['reconcile-observe']],
    ['managed-route53-recordset-degraded_reconcileError.json', ['reconcile-create']],
    ['managed-cloudfront-distribution-degraded_reconcileError.json', ['reconcile-update']],
    ['managed-route53-recordset-suspended_reconcilePaused.json', ['reconcile-paused']],
    ['provider-degraded_installed.json', ['provider-unhealthy']],
    ['provider-healthy.json', []],
    ['managed-cloudfront-distribution-healthy.json', []],
    ['managed-route53-recordset-progressing_creating.json', []],
    ['managed-aws-instance-no-status-yet.json', []],
  ];
  for (const [file, expected] of cases) {
    const object = real(file);
    it.skipIf(!object)(`${file} → ${expected.join(', ') || 'no problem'}`, () => {
      expect(rulesOf(object)).toEqual(expected);
    });
  }

  it.skipIf(!real('managed-azure-resourcegroup-ready-true-synced-false.json'))('reconcile-replace quotes the provider’s message and links the object', () => {
    const [found] = run([{ object: real('managed-azure-resourcegroup-ready-true-synced-false.json') as CrossplaneObject, link: 'https://dash.example.com/rg' }]);
    expect(found?.seen).toContain('cannot change the value of the argument "location"');
    expect(found?.link).toBe('https://dash.example.com/rg');
  });

  it.skipIf(!real('provider-degraded_installed.json'))('provider-unhealthy names the condition and its reason', () => {
    const [found] = run([{ object: real('provider-degraded_installed.json') as CrossplaneObject }]);
    expect([found?.subject, found?.seen]).toEqual(['Provider provider-helm', 'Healthy=False UnhealthyPackageRevision']);
  });

  it.skipIf(!real('managed-aws-instance-no-status-yet.json'))('not-reconciled: the real status-less object, once it is old', () => {
    const object = real('managed-aws-instance-no-status-yet.json') as CrossplaneObject;
    const old = { ...object, metadata: { ...object.metadata, creationTimestamp: '2025-12-31T23:00:00Z' } };
    expect(rulesOf(old)).toEqual(['not-reconciled']);
    expect(rulesOf(old, 'composite')).toEqual([]);
  });
});

describe('crossplane-status diagnosis: shapes missing upstream (project fixtures)', () => {
  it('composition-not-found: the claim no Composition matches', () => {
    const found = run([{ object: parse(v1Claim({ composed: false })), role: 'claim' }]);
    expect(found.map((d) => [d.rule, d.seen])).toEqual([['composition-not-found', 'Synced=False ReconcileError: cannot resolve composition: no compatible Compositions found']]);
  });

  it('composition-not-found: a named Composition that does not exist', () => {
    expect(rulesOf(mr('cannot compose resources: cannot get composition: Composition.apiextensions.crossplane.io "xpostgres" not found'))).toEqual(['composition-not-found']);
  });

  it('reconcile-connect: missing ProviderConfig or credentials', () => {
    expect(rulesOf(mr('connect failed: cannot get referenced ProviderConfig: ProviderConfig.aws.upbound.io "default" not found'))).toEqual(['reconcile-connect']);
  });

  it('reconcile-delete and the catch-all reconcile-error', () => {
    expect(rulesOf(mr('delete failed: DependencyViolation: resource sg-1 has a dependent object'))).toEqual(['reconcile-delete']);
    expect(rulesOf(mr('cannot apply composed resource "db": conflict'))).toEqual(['reconcile-error']);
  });

  it('the troubled claim’s tree: observe failure, never reconciled, paused', () => {
    const objects = v1ManagedResources().map((object) => ({ object: parse(object), role: 'managed' as const }));
    expect(run(objects, Date.now()).map((d) => d.rule)).toEqual(['reconcile-observe', 'not-reconciled', 'reconcile-paused']);
  });
});

describe('crossplane-status: the Problems region in the card', () => {
  it('shows each problem as text with its dashboard link, axe-clean in light and dark', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'v1-claim' }));
    const { element } = await mountWidget<CrossplaneStatus>(
      html`<crossplane-status group=${CLAIM.group} version=${CLAIM.version} plural=${CLAIM.plural} name=${CLAIM.name} namespace=${CLAIM.namespace} refresh-interval="0"></crossplane-status>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    const region = await expectProblems(element, `${CLAIM.namespace}/${CLAIM.name}`, ['reconcile-observe', 'not-reconciled', 'reconcile-paused']);
    expect(region.textContent).toContain('InvalidPermission.Duplicate');
  });
});
