import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedCache } from '../src/bounded-cache.js';
import type { ToolEndpoint } from '../src/config.js';
import { SharedReads } from '../src/reads.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache that answers after a few milliseconds, as Redis over a network does. */
function slowCache(): CacheService {
  const store = new Map<string, JsonValue>();
  const cache: CacheService = {
    get: async <T extends JsonValue>(key: string) => {
      await sleep(Math.random() * 15);
      return store.get(key) as T | undefined;
    },
    set: async (key, value) => {
      await sleep(Math.random() * 15);
      store.set(key, value);
    },
    delete: (key) => Promise.resolve(void store.delete(key)),
    withOptions: () => cache,
  };
  return cache;
}

const quiet: LoggerService = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, child: () => quiet };

const endpoint: ToolEndpoint = { key: 'argocd', system: 'argocd', target: 'http://tool.invalid', headers: {}, ttlMs: 60_000 };

describe('shared reads: one upstream call for identical reads, however they interleave', () => {
  it('reads that arrive between another read’s cache miss and its fetch join it', async () => {
    const reads = new SharedReads(new BoundedCache(slowCache(), 1_000, quiet), 600_000);
    let fetches = 0;
    const fetch = async () => {
      fetches += 1;
      await sleep(10);
      return { status: 200, contentType: 'application/json', body: '{}' };
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, async () => {
        await sleep(Math.random() * 40);
        return reads.read({ endpoint, identity: 'GET http://tool.invalid/api/v1/applications/guestbook', fetch });
      }),
    );
    assert.equal(fetches, 1);
    assert.deepEqual(new Set(results.map((result) => result.answer.status)), new Set([200]));
  });
});
