/**
 * A limiter for parallel requests: at most `limit` functions run at once, the
 * rest wait in order. Only the request itself should run inside it (never
 * work that waits for further limited work), so nesting cannot deadlock.
 */
export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  const slots = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> | undefined => {
    if (running < slots) {
      running += 1;
      return undefined;
    }
    // The slot is handed over by release(), so `running` stays counted.
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
}
