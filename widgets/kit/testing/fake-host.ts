import { SYSTEMS, type Decision, type Endpoint, type PlatformHost } from '../host.js';

export const TEST_TOKEN = 'test-token-5f1c';

/** API bases on this origin (as a Backstage proxy would be); UIs on the tools' own origins. */
export function testEndpoints(): Record<string, Endpoint> {
  const endpoints: Record<string, Endpoint> = {};
  for (const system of SYSTEMS) {
    endpoints[system] = { api: `/proxy/${system}`, ui: `https://${system}.example.com` };
  }
  return endpoints;
}

export interface FakeHostOptions extends Partial<PlatformHost> {
  /** Decision per action; unlisted actions are denied. */
  decisions?: Readonly<Record<string, Decision>>;
}

export function fakeHost(options: FakeHostOptions = {}): PlatformHost {
  const { decisions = {}, ...rest } = options;
  return {
    endpoints: testEndpoints(),
    token: () => Promise.resolve(TEST_TOKEN),
    decide: (action) => Promise.resolve(decisions[action] ?? 'deny'),
    timeoutMs: 1_000,
    cacheTtlMs: 0,
    ...rest,
  };
}
