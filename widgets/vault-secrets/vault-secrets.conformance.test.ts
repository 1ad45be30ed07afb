import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import * as z from 'zod/mini';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { listResponseSchema, metadataResponseSchema, secretFacts, vaultTime } from './vault-secrets.api.js';
import './vault-secrets.js';
import type { VaultSecrets } from './vault-secrets.component.js';

const BASE = '/proxy/vault/v1/secrets/metadata/app';

/** The folder holds both responses the widget reads: a key list and a secret's metadata. */
const vaultResponseSchema = z.union([metadataResponseSchema, listResponseSchema]);

/** Every metadata field is optional, so a key list would parse as metadata too: tell them apart by `keys`. */
function isMetadata(raw: unknown): boolean {
  const list = listResponseSchema.safeParse(raw);
  return !(list.success && Array.isArray(list.data.data?.keys));
}

async function mountApp() {
  const mounted = await mountWidget<VaultSecrets>(
    html`<vault-secrets secrets-path="app" refresh-interval="0"></vault-secrets>`,
    // Room for a loaded test machine (the fake host's own timeout is 1 s).
    fakeHost({ timeoutMs: 10_000 }),
  );
  await waitForState(mounted.element, 'ready');
  return mounted;
}

conformance({
  system: 'vault',
  files: import.meta.glob('../../../shared/fixtures/upstream/vault/*.json', { eager: true, import: 'default' }),
  schema: vaultResponseSchema,
  check: async (_parsed, raw) => {
    if (isMetadata(raw)) {
      // A secret `foo` whose metadata is the upstream example: its version and update time show.
      const metadata = metadataResponseSchema.parse(raw).data;
      useHandlers(
        http.get(BASE, () => HttpResponse.json({ data: { keys: ['foo'] } })),
        http.get(`${BASE}/foo`, () => HttpResponse.json(raw as Record<string, unknown>)),
      );
      const { element } = await mountApp();
      const facts = secretFacts(metadata);
      await expect.poll(() => element.shadowRoot?.querySelector('tbody tr')?.textContent, { timeout: 8_000 }).toContain(`v${facts.version ?? ''}`);
      const updated = element.shadowRoot?.querySelector('tbody time')?.getAttribute('datetime');
      expect(updated).toBe(vaultTime(metadata.updated_time)?.toISOString());
      expect(updated).toBeTruthy();
      return;
    }
    const keys = listResponseSchema.parse(raw).data?.keys ?? [];
    useHandlers(
      http.get(BASE, () => HttpResponse.json(raw as Record<string, unknown>)),
      http.get(`${BASE}/:name`, () => HttpResponse.json({ errors: [] }, { status: 404 })),
    );
    const { element } = await mountApp();
    const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    expect(rows).toHaveLength(keys.length);
    expect(element.shadowRoot?.querySelectorAll('button.disclosure')).toHaveLength(keys.filter((key) => key.endsWith('/')).length);
  },
});
