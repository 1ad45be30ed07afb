import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
}

let worker: SetupWorker | undefined;
const log: LoggedRequest[] = [];

/** One mock worker for the whole test file; every request it sees is logged. */
export async function startMockWorker(): Promise<SetupWorker> {
  if (worker) return worker;
  worker = setupWorker();
  worker.events.on('request:start', ({ request }) => {
    log.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers) });
  });
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return worker;
}

export function useHandlers(...handlers: RequestHandler[]): void {
  if (!worker) throw new Error('startMockWorker() first');
  worker.use(...handlers);
}

export function resetMocks(): void {
  worker?.resetHandlers();
  log.length = 0;
}

/** Requests seen since the last reset, optionally only those whose URL contains `part`. */
export function requests(part?: string): LoggedRequest[] {
  return part ? log.filter((entry) => entry.url.includes(part)) : [...log];
}
