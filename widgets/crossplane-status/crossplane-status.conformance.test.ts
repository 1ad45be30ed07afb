import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { crossplaneObjectSchema, parseApiVersion } from './crossplane-status.api.js';
import './crossplane-status.js';
import type { CrossplaneStatus } from './crossplane-status.component.js';
import { deriveStatus, type DerivedStatus } from './crossplane-status.status.js';
import { fakeKubernetesApi } from './fixtures/handlers.js';
import type { FakeObject, FakeResourceType } from './fixtures/types.js';

/** What each real upstream object must come out as, by its file name. */
function expectedStatus(file: string): DerivedStatus {
  if (/reconcilePaused/i.test(file)) return 'Paused';
  if (/no-status|progressing/.test(file)) return 'Syncing';
  if (/degraded|synced-false/.test(file)) return 'Error';
  if (/healthy/.test(file)) return 'Ready';
  throw new Error(`No expected status for ${file}`);
}

const XR_TYPE: FakeResourceType = { group: 'conformance.example.org', version: 'v1', kind: 'XConformance', plural: 'xconformances', namespaced: false };

/** A fixture XR whose only composed resource is the upstream object. */
function compositeOf(child: FakeObject): FakeObject {
  return {
    apiVersion: `${XR_TYPE.group}/${XR_TYPE.version}`,
    kind: XR_TYPE.kind,
    metadata: { name: 'conformance-xr' },
    spec: {
      compositionRef: { name: 'xconformances.example.org' },
      resourceRefs: [{ apiVersion: child.apiVersion, kind: child.kind, name: child.metadata.name }],
    },
    status: { conditions: [{ type: 'Synced', status: 'True', reason: 'ReconcileSuccess' }, { type: 'Ready', status: 'True', reason: 'Available' }] },
  };
}

conformance({
  system: 'crossplane',
  files: import.meta.glob('../../../shared/fixtures/upstream/crossplane/*.json', { eager: true, import: 'default' }),
  schema: crossplaneObjectSchema,
  check: async (object, raw, file) => {
    const expected = expectedStatus(file);
    expect(deriveStatus(object).status).toBe(expected);

    const child = raw as FakeObject;
    const groupVersion = parseApiVersion(child.apiVersion);
    if (!groupVersion) throw new Error(`bad apiVersion in ${file}`);
    const childType: FakeResourceType = {
      ...groupVersion,
      kind: child.kind,
      plural: `${child.kind.toLowerCase()}s`,
      namespaced: Boolean(child.metadata.namespace),
    };
    useHandlers(...fakeKubernetesApi({ types: [XR_TYPE, childType], objects: [compositeOf(child), child] }));
    const { element } = await mountWidget<CrossplaneStatus>(
      html`<crossplane-status group=${XR_TYPE.group} version=${XR_TYPE.version} plural=${XR_TYPE.plural} name="conformance-xr"
        refresh-interval="0"></crossplane-status>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    const row = element.shadowRoot?.querySelector(`tbody.node[data-name="${object.metadata.name}"]`);
    if (!row) throw new Error(`no row for ${object.metadata.name}`);
    const [, ready, synced, status] = [...row.querySelectorAll('tr:first-child > td')].map((cell) => visibleText(cell));
    expect(status).toContain(expected);
    expect(visibleText(row)).toContain(`Managed ${object.kind ?? ''}`);

    const conditions = object.status?.conditions ?? [];
    const readyCondition = conditions.find((c) => c.type === 'Ready');
    const syncedCondition = conditions.find((c) => c.type === 'Synced');
    expect(ready).toContain(readyCondition?.status ?? '–');
    expect(synced).toContain(syncedCondition?.status ?? '–');
    // Every False condition's message is shown, and every other condition type is listed.
    for (const condition of conditions) {
      if (condition.message) expect(visibleText(row)).toContain(condition.message.split('\n')[0]);
      if (condition.type !== 'Ready' && condition.type !== 'Synced') expect(visibleText(row)).toContain(condition.type);
    }
    if (/ready-true-synced-false/.test(file)) {
      expect(ready).toContain('True');
      expect(synced).toContain('False');
    }
  },
});
