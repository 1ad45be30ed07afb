import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { KARGO_SERVICE, freightSchema, promotionSchema, stageStatusSchema } from './kargo-stages.api.js';
import './kargo-stages.js';
import type { KargoStages } from './kargo-stages.component.js';

const upstream = import.meta.glob('../../../shared/fixtures/upstream/kargo/*.json', { eager: true, import: 'default' });
const CONNECT = `/proxy/kargo/${KARGO_SERVICE}`;

/** Kargo's examples are of three kinds; each is parsed with its own schema. */
function ofKind(part: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(upstream).filter(([file]) => file.split('/').at(-1)?.startsWith(part)));
}

conformance({
  system: 'kargo',
  files: ofKind('stage-'),
  schema: stageStatusSchema,
  check: async (stage) => {
    useHandlers(
      http.post(`${CONNECT}/ListStages`, () => HttpResponse.json({ stages: [{ ...stage, metadata: { name: 'test', namespace: 'kargo-demo' } }] })),
      http.post(`${CONNECT}/QueryFreight`, () => HttpResponse.json({ groups: { '': { freight: [] } } })),
      http.post(`${CONNECT}/ListPromotions`, () => HttpResponse.json({ promotions: [] })),
    );
    const { element, text } = await mountWidget<KargoStages>(
      html`<kargo-stages project="kargo-demo" refresh-interval="0"></kargo-stages>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    expect(text()).toContain(stage.status?.health?.status ?? stage.status?.phase ?? 'Unknown');
    const current = Object.values(stage.status?.freightHistory?.[0]?.items ?? {})[0];
    const section = visibleText(shadow(element).querySelector('section.stage') ?? element);
    expect(section).toContain((current?.name ?? '').slice(0, 7));
    expect(section).toContain(stage.status?.lastPromotion?.status?.phase ?? 'None yet');
  },
});

conformance({ system: 'kargo', files: ofKind('freight-'), schema: freightSchema });
conformance({ system: 'kargo', files: ofKind('promotion-'), schema: promotionSchema });
