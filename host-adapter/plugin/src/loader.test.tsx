import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRemoteLoader, diagnoseRemote, entryForAttempt, remoteFailureReason } from './loader';
import { defineFake } from './testing/fake-widget';

type LoadRemote = (id: string) => Promise<unknown>;
type ErrorHook = NonNullable<ModuleFederationRuntimePlugin['errorLoadRemote']>;

interface RuntimeMock {
  instances: Array<{ options: { name: string; remotes: unknown[]; plugins: ModuleFederationRuntimePlugin[] }; loadRemote: LoadRemote }>;
  /** What `loadRemote` does; `onError` runs the adapter's errorLoadRemote hook like the runtime would. */
  behaviour: (instance: { onError: (error: unknown) => Promise<unknown> }, id: string) => Promise<unknown>;
}

const runtime = vi.hoisted((): RuntimeMock => ({ instances: [], behaviour: () => Promise.resolve(undefined) }));

vi.mock('@module-federation/runtime', () => ({
  createInstance: (options: { name: string; remotes: unknown[]; plugins: ModuleFederationRuntimePlugin[] }) => {
    const onError = (error: unknown): Promise<unknown> => {
      const hook = options.plugins[0]?.errorLoadRemote as ErrorHook;
      return Promise.resolve(hook({ id: 'x', error, from: 'runtime', lifecycle: 'onLoad', origin: undefined as never }));
    };
    const instance = { options, loadRemote: (id: string) => runtime.behaviour({ onError }, id) };
    runtime.instances.push(instance);
    return instance;
  },
}));

const REMOTE = 'http://127.0.0.1:5249/mf-manifest.json';
let tagCount = 0;
let tag = '';

beforeEach(() => {
  runtime.instances.length = 0;
  tag = `remote-widget-${++tagCount}`;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The remote as the diagnosis fetch sees it. */
function remoteAnswers(answer: (() => Promise<Response>) | Response): void {
  vi.stubGlobal('fetch', vi.fn(typeof answer === 'function' ? answer : () => Promise.resolve(answer)));
}

describe('remote loader', () => {
  it('registers the remote as an ES module in its own instance and loads ./<tag>', async () => {
    const ids: string[] = [];
    runtime.behaviour = (_instance, id) => {
      ids.push(id);
      defineFake(tag);
      return Promise.resolve({});
    };
    const loader = createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 });
    await expect(loader.load(tag)).resolves.toEqual({ ok: true });
    expect(ids).toEqual([`platform_widgets/${tag}`]);
    expect(runtime.instances[0]?.options.remotes).toEqual([{ name: 'platform_widgets', entry: REMOTE, type: 'module' }]);
    await expect(loader.load(tag)).resolves.toEqual({ ok: true });
    expect(ids).toHaveLength(1);
  });

  it('a remote that is down resolves to a reason through errorLoadRemote', async () => {
    remoteAnswers(() => Promise.reject(new TypeError('Failed to fetch')));
    runtime.behaviour = (instance) => instance.onError(new Error('[ Federation Runtime ]: #RUNTIME-008 Failed to load script resources'));
    const result = await createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 }).load(tag);
    expect(result).toEqual({ ok: false, reason: 'Widgets unavailable: the widget remote could not be reached.' });
  });

  it('answers no stand-in while the manifest loads (the runtime would cache it page-wide)', async () => {
    const loader = createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 });
    runtime.behaviour = () => Promise.resolve({});
    await loader.load(tag);
    const hook = runtime.instances[0]?.options.plugins[0]?.errorLoadRemote as ErrorHook;
    await expect(hook({ id: REMOTE, error: new Error('x'), from: 'runtime', lifecycle: 'afterResolve', origin: undefined as never })).resolves.toBeUndefined();
  });

  it('a remote that throws past the plugin still resolves to a reason', async () => {
    remoteAnswers(new Response('bad gateway', { status: 502 }));
    runtime.behaviour = () => Promise.reject(new Error('boom'));
    await expect(createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 }).load(tag)).resolves.toMatchObject({ ok: false });
  });

  it('a remote that never answers times out', async () => {
    vi.useFakeTimers();
    runtime.behaviour = () => new Promise(() => undefined);
    const pending = createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 3000 }).load(tag);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(pending).resolves.toEqual({ ok: false, reason: 'Widgets unavailable: the widget remote did not answer in time.' });
  });

  it('a remote without the tag is a failure, not a blank', async () => {
    runtime.behaviour = () => Promise.resolve({});
    await expect(createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 }).load(tag)).resolves.toEqual({
      ok: false,
      reason: `Widgets unavailable: the widget remote has no <${tag}>.`,
    });
  });

  it('no remote configured names the setting', async () => {
    const result = await createRemoteLoader({ remoteUrl: undefined, timeoutMs: 1000 }).load(tag);
    expect(result.ok ? '' : result.reason).toContain('platformWidgets.remote.url');
    expect(runtime.instances).toHaveLength(0);
  });

  it('after a failure a fresh instance retries, so a remote that comes back is used', async () => {
    remoteAnswers(new Response('not found', { status: 404 }));
    runtime.behaviour = (instance) => instance.onError(new Error('Failed to fetch'));
    const loader = createRemoteLoader({ remoteUrl: REMOTE, timeoutMs: 1000 });
    await expect(loader.load(tag)).resolves.toMatchObject({ ok: false });
    runtime.behaviour = () => {
      defineFake(tag);
      return Promise.resolve({});
    };
    await expect(loader.load(tag)).resolves.toEqual({ ok: true });
    expect(runtime.instances).toHaveLength(2);
    expect(new Set(runtime.instances.map((instance) => instance.options.name)).size).toBe(2);
    expect(runtime.instances.map((instance) => instance.options.remotes)).toEqual([
      [{ name: 'platform_widgets', entry: REMOTE, type: 'module' }],
      [{ name: 'platform_widgets', entry: `${REMOTE}?pw-attempt=2`, type: 'module' }],
    ]);
  });

  it('asks the remote why it failed: unreachable, an HTTP error, or not a manifest', async () => {
    const error = new Error('[ Federation Runtime ]: The manifest is not a valid Module Federation manifest. #RUNTIME-013');
    remoteAnswers(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(diagnoseRemote(REMOTE, error, 1000)).resolves.toBe('Widgets unavailable: the widget remote could not be reached.');
    remoteAnswers(new Response('not found', { status: 404 }));
    await expect(diagnoseRemote(REMOTE, error, 1000)).resolves.toBe('Widgets unavailable: the widget remote answered HTTP 404.');
    remoteAnswers(new Response('<!doctype html><title>Portal</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(diagnoseRemote(REMOTE, error, 1000)).resolves.toBe('Widgets unavailable: the widget remote sent unexpected content.');
    const entry = 'http://127.0.0.1:5249/remoteEntry.js';
    await expect(diagnoseRemote(entry, error, 1000)).resolves.toBe('Widgets unavailable: the widget remote sent unexpected content.');
    remoteAnswers(new Response('export {}', { status: 200, headers: { 'content-type': 'text/javascript' } }));
    await expect(diagnoseRemote(entry, new Error('#RUNTIME-008'), 1000)).resolves.toBe('Widgets unavailable: the widget remote could not be loaded.');
    remoteAnswers(new Response(JSON.stringify({ metaData: { name: 'platform_widgets' } }), { status: 200 }));
    await expect(diagnoseRemote(REMOTE, new Error('#RUNTIME-008 Failed to load script resources'), 1000)).resolves.toBe(
      'Widgets unavailable: the widget remote could not be loaded.',
    );
  });

  it('a retry entry keeps the remote path and other query parameters', () => {
    expect(entryForAttempt('https://cdn.example.com/w/1.4.0/mf-manifest.json?x=1', 3)).toBe('https://cdn.example.com/w/1.4.0/mf-manifest.json?x=1&pw-attempt=3');
    expect(entryForAttempt('https://cdn.example.com/w/mf-manifest.json', 1)).toBe('https://cdn.example.com/w/mf-manifest.json');
  });

  it('tells wrong content apart from an unreachable remote', () => {
    expect(remoteFailureReason(new SyntaxError('Unexpected token < in JSON at position 0'))).toContain('unexpected content');
    expect(remoteFailureReason(new Error('[ Federation Runtime ]: The manifest is not a valid Module Federation manifest. #RUNTIME-013'))).toContain('unexpected content');
    expect(remoteFailureReason(new TypeError('Failed to fetch'))).toContain('could not be loaded');
    expect(remoteFailureReason(new Error('[ Federation Runtime ]: Failed to get manifest. #RUNTIME-003'))).toContain('could not be loaded');
  });
});
