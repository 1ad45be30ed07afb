import type { Decision, PlatformHost } from './host.js';

export const DECISION_TIMEOUT_MS = 10_000;

/** One permission decision, failing closed: no `decide`, a throw, a timeout or any answer but `allow` is a deny. */
export async function decideSafely(
  host: PlatformHost,
  action: string,
  resourceRef: string,
  timeoutMs = DECISION_TIMEOUT_MS,
): Promise<Decision> {
  if (!host.decide) return 'deny';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      host.decide(action, resourceRef),
      new Promise<Decision>((resolve) => (timer = setTimeout(() => resolve('deny'), timeoutMs))),
    ]);
    return answer === 'allow' ? 'allow' : 'deny';
  } catch {
    return 'deny';
  } finally {
    clearTimeout(timer);
  }
}

/** The same action decided for several resources (e.g. promote into each stage). */
export async function decideEach(
  host: PlatformHost,
  action: string,
  resourceRefs: readonly string[],
): Promise<ReadonlyMap<string, Decision>> {
  const decisions = await Promise.all(resourceRefs.map(async (ref) => [ref, await decideSafely(host, action, ref)] as const));
  return new Map(decisions);
}
