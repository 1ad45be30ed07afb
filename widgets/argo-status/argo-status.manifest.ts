import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toWidgetError, type PlatformHost } from '../kit/index.js';
import type { ArgoResource } from './argo-status.api.js';
import type { Manifest, manifestReady } from './argo-status.manifest-open.js';

export interface ManifestQuery {
  host: PlatformHost;
  app: { name: string; appNamespace?: string | null; project?: string | null; instance?: string | null };
  resource: ArgoResource;
  signal: AbortSignal;
}

/** Drawing a fetched manifest: there once the first manifest opened has loaded. */
let drawReady: typeof manifestReady | undefined;

/**
 * Fetched only when a manifest is opened; the fetch, the YAML emitter, the diff and the drawing of
 * a fetched manifest load with it (a chunk of their own). Loading and failure are drawn here, so
 * a chunk that cannot be fetched still ends in "Manifest unavailable" with the deep link.
 */
export function loadManifest(query: ManifestQuery): Promise<Manifest> {
  return import('./argo-status.manifest-open.js').then((module) => {
    drawReady = module.manifestReady;
    return module.getManifest(query);
  });
}

export type View = { status: 'loading' } | { status: 'ready'; manifest: Manifest; copied?: string } | { status: 'failed'; reason: string };

/** The open "Manifest" views of a resource list: each fetched when opened, aborted when closed. */
export class ManifestViews implements ReactiveController {
  private readonly views = new Map<string, View>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  isOpen(key: string): boolean {
    return this.views.has(key);
  }

  view(key: string): View | undefined {
    return this.views.get(key);
  }

  toggle(key: string, load: (signal: AbortSignal) => Promise<Manifest>): void {
    if (this.views.has(key)) {
      this.running.get(key)?.abort();
      this.running.delete(key);
      this.views.delete(key);
    } else {
      const controller = new AbortController();
      this.running.set(key, controller);
      this.views.set(key, { status: 'loading' });
      load(controller.signal).then(
        (manifest) => this.settle(key, controller, { status: 'ready', manifest }),
        (error: unknown) => this.settle(key, controller, { status: 'failed', reason: toWidgetError(error).reason }),
      );
    }
    this.host.requestUpdate();
  }

  async copy(key: string): Promise<void> {
    const view = this.views.get(key);
    if (view?.status !== 'ready' || view.manifest.live === undefined) return;
    let copied = 'Copied';
    try {
      await navigator.clipboard.writeText(view.manifest.live);
    } catch {
      copied = 'Copy failed: select the text and copy it';
    }
    this.views.set(key, { ...view, copied });
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    this.views.clear();
  }

  private settle(key: string, controller: AbortController, view: View): void {
    if (this.running.get(key) !== controller) return;
    this.running.delete(key);
    this.views.set(key, view);
    this.host.requestUpdate();
  }
}

export const manifestKey = (resource: ArgoResource) => `${resource.group ?? ''}/${resource.kind}/${resource.namespace ?? ''}/${resource.name}`;

/** An id a button's aria-controls can name (shadow DOM ids only need to be unique in the widget). */
const panelId = (key: string) => `manifest-${[...key].map((char) => (/[A-Za-z0-9_-]/.test(char) ? char : `_${char.charCodeAt(0).toString(16)}`)).join('')}`;

export function manifestToggle(views: ManifestViews, resource: ArgoResource, open: () => void): unknown {
  const key = manifestKey(resource);
  return html`<button type="button" class="link-button" aria-expanded=${views.isOpen(key) ? 'true' : 'false'} aria-controls=${panelId(key)}
    aria-label=${`Manifest of ${resource.kind} ${resource.name}`} @click=${open}>Manifest</button>`;
}

export function manifestPanel(views: ManifestViews, resource: ArgoResource, deepLink: string | undefined): unknown {
  const key = manifestKey(resource);
  const view = views.view(key);
  if (!view) return nothing;
  const title = `Manifest of ${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  let body: unknown;
  if (view.status === 'loading') body = html`<p class="muted" role="status">Loading the live manifest…</p>`;
  else if (view.status === 'failed') {
    body = html`<p role="status">Manifest unavailable: ${view.reason}.
      ${deepLink ? html`<a href=${deepLink} target="_blank" rel="noopener noreferrer">Open in Argo CD</a>` : nothing}</p>`;
  } else {
    body = drawReady?.(view, () => void views.copy(key));
  }
  return html`<section class="manifest-panel" id=${panelId(key)} role="region" aria-label=${title}><h4>${title}</h4>${body}</section>`;
}
