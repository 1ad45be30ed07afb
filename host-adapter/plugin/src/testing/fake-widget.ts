import type { PlatformHost } from '@platform-widgets/backstage-plugin-common';
import type { LoadResult, WidgetLoader } from '../loader';

/**
 * Stands in for a remote widget in jsdom: reads its `.host` like the real ones do
 * (token for its system, a decision before enabling Sync) and renders in light DOM.
 */
export class FakeWidgetElement extends HTMLElement {
  #host: PlatformHost | undefined;
  /** What the widget got from `host.token`, kept private like the kit client does. */
  receivedToken: string | undefined;

  get host(): PlatformHost | undefined {
    return this.#host;
  }

  set host(value: PlatformHost | undefined) {
    this.#host = value;
    void this.update();
  }

  private async update(): Promise<void> {
    const host = this.#host;
    if (!host) return;
    this.receivedToken = await host.token?.('argocd');
    const decision = (await host.decide?.('argocd.application.sync', this.getAttribute('app-name') ?? '')) ?? 'deny';
    const label = document.createElement('p');
    label.textContent = `Application ${this.getAttribute('app-name') ?? '(none)'}`;
    const sync = document.createElement('button');
    sync.textContent = 'Sync';
    sync.disabled = decision !== 'allow';
    sync.addEventListener('click', () =>
      host.onEvent?.({ type: 'pw-action', widget: this.localName, detail: { action: 'argocd.application.sync', resourceRef: 'guestbook', phase: 'requested' } }),
    );
    this.replaceChildren(label, sync);
    this.dispatchEvent(new Event('fake-ready'));
  }
}

/** Defines the fake element for a tag once (a second call is a no-op, like the remote). */
export function defineFake(tag: string): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends FakeWidgetElement {});
}

/** A loader that answers with the given results in turn (the last one repeats); `ok` defines the fake. */
export function scriptedLoader(...results: LoadResult[]): WidgetLoader & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    load(tag) {
      calls.push(tag);
      const result = results.length > 1 ? results.shift()! : results[0]!;
      if (result.ok) defineFake(tag);
      return Promise.resolve(result);
    },
  };
}
