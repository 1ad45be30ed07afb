import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import { APP_SUMMARY_FIELDS, applicationListSchema } from './argo-status.api.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';
import { manyApps } from './fixtures/applications.js';
import { ARGO_CD_APP_FIELDS, selectFields } from './fixtures/fields.js';
import { argoHandlers } from './fixtures/handlers.js';

const upstream = Object.values(import.meta.glob<object>('../../../shared/fixtures/upstream/argocd/*.json', { eager: true, import: 'default' }));

describe('argo-status: the selector asks Argo CD only for the fields its list reads', () => {
  it('each field is one Argo CD can select (any other it would silently leave out)', () => {
    const known: readonly string[] = ARGO_CD_APP_FIELDS;
    expect(APP_SUMMARY_FIELDS.filter((field) => !known.includes(field))).toEqual([]);
  });

  it('the list schema reads the same from the selected fields as from whole Applications', () => {
    const apps = [...upstream, ...manyApps(12)];
    expect(apps.length).toBeGreaterThan(12);
    const whole = applicationListSchema.parse({ items: apps });
    const selected = applicationListSchema.parse(selectFields(apps, APP_SUMMARY_FIELDS));
    expect(selected).toEqual(whole);
    expect(applicationListSchema.parse(selectFields(null, APP_SUMMARY_FIELDS))).toEqual({ items: null });
  });

  for (const honorFields of [true, false]) {
    it(`lists the same when Argo CD ${honorFields ? 'selects the fields' : 'ignores fields (an older one)'}`, async () => {
      useHandlers(...argoHandlers({ selectorMatches: 8, honorFields }));
      const { element, text } = await mountWidget<ArgoStatus>(html`<argo-status app-selector="team=storefront" refresh-interval="0"></argo-status>`, fakeHost());
      await waitForState(element, 'ready');
      expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(8);
      expect(text()).toContain('8 apps');
      expect(text()).toContain('2 not synced');
      const fields = new URL(requests('/applications?')[0]?.url ?? '').searchParams.get('fields');
      expect(fields?.split(',')).toEqual(APP_SUMMARY_FIELDS.map((field) => `items.${field}`));
    });
  }
});
