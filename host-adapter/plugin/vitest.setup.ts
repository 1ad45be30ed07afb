import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Backstage's mockApis create their spies with `jest.fn`.
(globalThis as { jest?: unknown }).jest = vi;

// Cards import their module lazily and Backstage's test app is heavy: on a busy machine the
// first render of a file takes seconds, not the default one.
configure({ asyncUtilTimeout: 10_000 });

afterEach(cleanup);

interface JsdomError {
  type: string;
  message: string;
  cause?: { stack?: string };
}
interface VirtualConsole {
  removeAllListeners(event: 'jsdomError'): void;
  on(event: 'jsdomError', listener: (error: JsdomError) => void): void;
}

// jsdom reports every Backstage UI stylesheet it cannot parse (modern CSS); keep its other errors.
const virtualConsole = (globalThis as { jsdom?: { virtualConsole?: VirtualConsole } }).jsdom?.virtualConsole;
virtualConsole?.removeAllListeners('jsdomError');
virtualConsole?.on('jsdomError', (error) => {
  if (error.message !== 'Could not parse CSS stylesheet') console.error(error.cause?.stack ?? error.message);
});
