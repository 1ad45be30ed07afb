import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timeoutFailure, type EmbedFailure, type EmbedState } from './grafana-panel.embed.js';

/**
 * The embedded panel's life: pending → loaded, or timed out / refused. The timeout counts from
 * when the frame is on screen: a lazy frame in a hidden tab has not started.
 */
export class FrameWatch implements ReactiveController {
  state: EmbedState = 'pending';
  failure?: EmbedFailure;
  /** Bumped by a restart: a new iframe element loads the panel again. */
  run = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private visibility?: IntersectionObserver;
  private watched?: HTMLIFrameElement;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly failed: (failure: EmbedFailure) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  readonly loaded = (): void => {
    if (this.failure) return;
    this.clearTimer();
    this.state = 'loaded';
    this.host.requestUpdate();
  };

  restart(): void {
    this.stop();
    this.failure = undefined;
    this.state = 'pending';
    this.run += 1;
    this.host.requestUpdate();
  }

  fail(failure: EmbedFailure): void {
    this.stop();
    this.failure = failure;
    this.state = failure.kind === 'timeout' ? 'timeout' : 'refused';
    this.host.requestUpdate();
    this.failed(failure);
  }

  watch(frame: HTMLIFrameElement | undefined, timeoutSeconds: number): void {
    if (frame === this.watched) return;
    this.stop();
    if (!frame || this.state !== 'pending') return;
    this.watched = frame;
    const start = () => {
      if (this.timer || this.state !== 'pending') return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.state === 'pending') this.fail(timeoutFailure(timeoutSeconds));
      }, timeoutSeconds * 1000);
    };
    if (typeof IntersectionObserver === 'undefined') return start();
    this.visibility = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start();
    });
    this.visibility.observe(frame);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private stop(): void {
    this.clearTimer();
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.watched = undefined;
  }
}
