/*
 * ▼ The widgets this page shows come from the Module Federation remote (dist/remote, built by
 * `npm run build`, served on its own port), loaded by the federation runtime: every element
 * with class="widget" in index.html is loaded by its tag, so a new widget needs no line here —
 * the remote exposes every `widgets/<tag>/<tag>.ts`. Put its element in index.html's grid
 * (marked "MORE WIDGETS"), its mock handlers in mocks.ts and its endpoint in portal.config.ts.
 */
import type * as Kit from '../widgets/kit/index.js';
import type { PlatformHost } from '../widgets/kit/host.js';
import { widgetsRemote } from './federation.js';
import { clearRemoteFailure, showRemoteFailure } from './remote-fallback.js';

/**
 * The remote's manifest: `VITE_REMOTE_MANIFEST` (set by `npm start` and the e2e servers), else
 * port 5174 on this page's host.
 */
export const remoteManifest: string =
  import.meta.env.VITE_REMOTE_MANIFEST || `${location.protocol}//${location.hostname}:5174/mf-manifest.json`;

const remote = widgetsRemote(remoteManifest);

let kitLoaded: Promise<typeof Kit | undefined> | undefined;

/** The remote's kit (`./kit`): its request cache is the one the widgets use. Retried after a failure. */
export function kit(): Promise<typeof Kit | undefined> {
  kitLoaded ??= remote.module<typeof Kit>('kit').then((result) => {
    if (!result.ok) {
      kitLoaded = undefined;
      return undefined;
    }
    result.module.defineKitElements();
    return result.module;
  });
  return kitLoaded;
}

const loading = new Map<string, Promise<void>>();

function cardsOf(root: ParentNode, tag: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`${tag}.widget`)];
}

/** Loads one tag's module (once; a failure is forgotten, so Retry or a replay tries again). */
function loadTag(root: ParentNode, tag: string, host: () => PlatformHost | undefined): Promise<void> {
  const known = loading.get(tag);
  if (known) return known;
  const attempt = remote.load(tag).then((result) => {
    if (result.ok) {
      for (const card of cardsOf(root, tag)) clearRemoteFailure(card);
      return;
    }
    loading.delete(tag);
    for (const card of cardsOf(root, tag)) {
      showRemoteFailure(card, result.reason, host(), () => {
        for (const each of cardsOf(root, tag)) clearRemoteFailure(each);
        void loadTag(root, tag, host);
      });
    }
  });
  loading.set(tag, attempt);
  return attempt;
}

/** The longest the other tabs' code waits for the cards in view to show something. */
const IN_VIEW_FIRST_MS = 3_000;

/** Resolves when every card has left its loading state (pw-state), or after `maxMs`. */
function settled(cards: readonly HTMLElement[], maxMs: number): Promise<void> {
  const waiting = new Set(cards);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const card of cards) card.removeEventListener('pw-state', onState);
      resolve();
    };
    const onState = (event: Event) => {
      const { state } = (event as CustomEvent<{ state: string }>).detail;
      if (state === 'loading') return;
      waiting.delete(event.currentTarget as HTMLElement);
      if (!waiting.size) done();
    };
    const timer = setTimeout(done, maxMs);
    for (const card of cards) card.addEventListener('pw-state', onState);
  });
}

/**
 * Loads every widget tag under `root` from the remote; settles when each is defined or shows why
 * not. The cards in view first; the other tabs' code once those show their data (at most
 * IN_VIEW_FIRST_MS later), so that the tab the reader opened does not share the network and
 * the main thread with tabs they may never open.
 */
const listening = new WeakSet<ParentNode>();

export async function loadWidgets(root: ParentNode, host: () => PlatformHost | undefined): Promise<void> {
  // A roll-up (<service-health>) asks for the tags it composes in its shadow root.
  if (!listening.has(root)) {
    listening.add(root);
    root.addEventListener('pw-elements-needed', (event) => {
      for (const tag of (event as CustomEvent<{ tags: string[] }>).detail.tags) void loadTag(root, tag, host);
    });
  }
  const cards = [...root.querySelectorAll<HTMLElement>('.widget')].filter((card) => card.localName.includes('-'));
  const inViewCards = cards.filter((card) => !card.hidden);
  const inView = new Set(inViewCards.map((card) => card.localName));
  const later = new Set(cards.map((card) => card.localName).filter((tag) => !inView.has(tag)));
  const shown = settled(inViewCards, IN_VIEW_FIRST_MS);
  await Promise.all([kit(), ...[...inView].map((tag) => loadTag(root, tag, host))]);
  if (!later.size) return;
  await shown;
  await Promise.all([...later].map((tag) => loadTag(root, tag, host)));
}
