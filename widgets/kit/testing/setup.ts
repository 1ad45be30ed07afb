import { fixtureCleanup } from '@open-wc/testing';
import { afterEach, beforeAll, expect } from 'vitest';
import { clearRequestCache } from '../client.js';
import { requests, resetMocks, startMockWorker } from './msw.js';
import { callsOutsideAllowlist } from './upstream-calls.js';

beforeAll(async () => {
  await startMockWorker();
});

afterEach(({ task }) => {
  // Every widget call must be one the backend plugin forwards (the kit's own tests use made-up paths).
  const outside = task.file.filepath.includes('/widgets/kit/') ? [] : callsOutsideAllowlist(requests());
  fixtureCleanup();
  resetMocks();
  clearRequestCache();
  expect(outside, 'calls the backend plugin would not forward (host-adapter/common calls.ts)').toEqual([]);
});
