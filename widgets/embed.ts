/**
 * The one-script-tag loader for pages outside Backstage (portals, wikis):
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/platform-widgets/platform-widgets.js"></script>
 * <pw-host endpoints='{"argocd": {"api": "/api/proxy/argocd", "ui": "https://argocd.example.com"}}'>
 *   <argo-status app-name="guestbook"></argo-status>
 * </pw-host>
 * ```
 *
 * It watches the document and fetches a widget's code only when its tag first appears
 * (tags added later included). It injects no script elements and evaluates no strings: it
 * only calls `import()` on its own chunks, so it runs under a strict CSP with Trusted Types.
 * A page's own module can import `configure` from the same URL to hand over a token function.
 */
export { configure } from './kit/host.js';
export type { Decision, Endpoint, HostEvent, PlatformHost, SystemId, Theme } from './kit/host.js';

/** `./<tag>/<tag>.ts` of every widget folder, built as lazy chunks (a new folder needs no edit here). */
const modules = import.meta.glob<unknown>(['./*/*.ts', '!./*/*.*.ts', '!./kit/**']);

const WIDGET_FILE = /^\.\/([a-z][a-z0-9]*-[a-z0-9-]+)\/([a-z0-9-]+)\.ts$/;

function widgetLoaders(): Map<string, () => Promise<unknown>> {
  const loaders = new Map<string, () => Promise<unknown>>();
  for (const [path, load] of Object.entries(modules)) {
    const match = WIDGET_FILE.exec(path);
    if (match?.[1] && match[1] === match[2]) loaders.set(match[1], load);
  }
  return loaders;
}

const loaders = widgetLoaders();
/** The tags this loader knows. */
export const WIDGET_TAGS: readonly string[] = [...loaders.keys()].sort();

const KIT_TAGS = new Set(['pw-host', 'pw-deep-link']);
const started = new Map<string, Promise<void>>();

async function defineKit(): Promise<void> {
  const { defineKitElements } = await import('./kit/elements.js');
  defineKitElements();
}

/** Loads the code of `tag` once (a second call, or a second copy of the loader, is a no-op). */
export function loadWidget(tag: string): Promise<void> {
  const known = started.get(tag);
  if (known) return known;
  const load = loaders.get(tag);
  const loading = KIT_TAGS.has(tag)
    ? defineKit()
    : load
      ? load().then(() => undefined)
      : Promise.reject(new Error(`<${tag}> is not a Platform Widgets element`));
  const guarded = loading.catch((error: unknown) => {
    started.delete(tag); // a later appearance of the tag tries again
    console.error(`Platform Widgets: the code for <${tag}> did not load`, error);
  });
  started.set(tag, guarded);
  return guarded;
}

function isWanted(tag: string): boolean {
  return (loaders.has(tag) || KIT_TAGS.has(tag)) && !customElements.get(tag);
}

/** Loads every known, not yet defined tag in `root`. */
export function upgrade(root: ParentNode = document): void {
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (isWanted(element.localName)) void loadWidget(element.localName);
  }
}

function watch(): void {
  upgrade(document);
  // Elements a roll-up composes inside its shadow root, which the observer below cannot see.
  document.addEventListener('pw-elements-needed', (event) => {
    for (const tag of event.detail.tags) if (isWanted(tag)) void loadWidget(tag);
  });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (isWanted(node.localName)) void loadWidget(node.localName);
        if (node.firstElementChild) upgrade(node);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

watch();
