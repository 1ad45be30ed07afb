import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toWidgetError, type ActionDecision, type PlatformHost } from '../kit/index.js';
import { readLog, type PodsQuery } from './k8s-pods.api.js';

export const TAIL_CHOICES = [100, 500, 1000, 5000] as const;
export const DEFAULT_TAIL = 100;

export interface LogTarget {
  pod: string;
  containers: string[];
  /** Containers with a previous instance (they restarted). */
  restartedContainers: string[];
}

interface LogViewerOptions {
  host: () => PlatformHost | undefined;
  query: () => PodsQuery;
  onRead: (target: LogTarget) => void;
}

type LogState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; text: string } | { status: 'error'; reason: string };

/** The log of one container: tail, previous instance, reload. Text only, never HTML. */
export class LogViewer implements ReactiveController {
  private target?: LogTarget;
  private container = '';
  private tailLines: number = DEFAULT_TAIL;
  private previous = false;
  private state: LogState = { status: 'idle' };
  private controller?: AbortController;
  private readonly element: ReactiveControllerHost;
  private readonly options: LogViewerOptions;

  constructor(element: ReactiveControllerHost, options: LogViewerOptions) {
    this.element = element;
    this.options = options;
    element.addController(this);
  }

  get openPod(): string | undefined {
    return this.target?.pod;
  }

  open(target: LogTarget): void {
    this.target = target;
    this.container = target.restartedContainers.find((c) => target.containers.includes(c)) ?? target.containers[0] ?? '';
    this.previous = false;
    void this.read();
  }

  close(): void {
    this.controller?.abort();
    if (!this.target) return;
    this.target = undefined;
    this.state = { status: 'idle' };
    this.element.requestUpdate();
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  async read(): Promise<void> {
    const target = this.target;
    const host = this.options.host();
    if (!target || !host) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.state = { status: 'loading' };
    this.element.requestUpdate();
    try {
      const text = await readLog({
        host,
        query: this.options.query(),
        signal: controller.signal,
        log: { pod: target.pod, container: this.container, tailLines: this.tailLines, previous: this.previous },
      });
      if (controller.signal.aborted) return;
      this.state = { status: 'done', text };
      this.options.onRead(target);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.state = { status: 'error', reason: toWidgetError(error).reason };
    }
    this.element.requestUpdate();
  }

  /** The reason shown when logs are not allowed (row buttons point at it), or the open viewer. */
  render(decision: ActionDecision): TemplateResult | typeof nothing {
    if (decision !== 'allow') {
      return html`<p id="logs-reason" class="meta logs-reason">
        ${decision === 'pending' ? 'Logs: checking permission…' : 'Logs: you do not have permission to read pod logs (kubernetes.pods.logs).'}
      </p>`;
    }
    const target = this.target;
    if (!target) return nothing;
    return html`<section class="logs" part="logs" aria-labelledby="logs-title">
      <div class="row">
        <h3 id="logs-title">Logs · <code>${target.pod}</code></h3>
        <label>Container <select @change=${(e: Event) => this.set({ container: (e.target as HTMLSelectElement).value })}>
          ${target.containers.map((c) => html`<option value=${c} ?selected=${c === this.container}>${c}</option>`)}
        </select></label>
        <label>Last <select @change=${(e: Event) => this.set({ tailLines: Number((e.target as HTMLSelectElement).value) })}>
          ${TAIL_CHOICES.map((n) => html`<option value=${n} ?selected=${n === this.tailLines}>${n}</option>`)}
        </select> lines</label>
        <label><input type="checkbox" .checked=${this.previous}
          @change=${(e: Event) => this.set({ previous: (e.target as HTMLInputElement).checked })} /> Previous container</label>
        <button type="button" @click=${() => void this.read()}>Reload log</button>
        <button type="button" @click=${() => this.close()}>Close</button>
      </div>
      ${this.renderBody(target)}
    </section>`;
  }

  private renderBody(target: LogTarget): TemplateResult {
    const state = this.state;
    switch (state.status) {
      case 'loading':
        return html`<p role="status" class="meta">Reading the log of ${this.container}…</p>`;
      case 'error':
        return html`<p role="alert" class="section-note">Could not read the log: ${state.reason}.${this.previous && !target.restartedContainers.includes(this.container)
          ? ' This container has not restarted, so it has no previous instance.'
          : ''}</p>`;
      case 'done':
        return state.text
          ? html`<pre class="log" tabindex="0" role="log" aria-label=${`Log of ${target.pod}/${this.container}`}>${state.text}</pre>`
          : html`<p class="muted">The log is empty.</p>`;
      default:
        return html``;
    }
  }

  private set(change: Partial<{ container: string; tailLines: number; previous: boolean }>): void {
    if (change.container !== undefined) this.container = change.container;
    if (change.tailLines !== undefined) this.tailLines = change.tailLines;
    if (change.previous !== undefined) this.previous = change.previous;
    void this.read();
  }
}
