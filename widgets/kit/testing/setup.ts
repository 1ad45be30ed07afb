import { fixtureCleanup } from '@open-wc/testing';
import { afterEach, beforeAll } from 'vitest';
import { clearRequestCache } from '../client.js';
import { resetMocks, startMockWorker } from './msw.js';

beforeAll(async () => {
  await startMockWorker();
});

afterEach(() => {
  fixtureCleanup();
  resetMocks();
  clearRequestCache();
});
