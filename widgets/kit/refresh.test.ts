import { LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKOFF_MS, RefreshController } from './refresh.js';

class Poller extends LitElement {
  calls = 0;
  aborted = 0;
  readonly controller = new RefreshController(this, {
    refresh: () => (this.calls += 1),
    abort: () => (this.aborted += 1),
    random: () => 0.5,
  });
}
customElements.define('test-poller', Poller);

function mount(intervalMs: number): Poller {
  const element = document.createElement('test-poller') as Poller;
  element.controller.interval = intervalMs;
  document.body.append(element);
  return element;
}

describe('RefreshController', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('polls at the interval and stops (and aborts) on disconnect', () => {
    vi.useFakeTimers();
    const element = mount(1_000);
    vi.advanceTimersByTime(1_000);
    element.controller.succeeded();
    vi.advanceTimersByTime(1_000);
    expect(element.calls).toBe(2);
    element.remove();
    vi.advanceTimersByTime(10_000);
    expect(element.calls).toBe(2);
    expect(element.aborted).toBe(1);
  });

  it('backs off exponentially after failures, capped at five minutes', () => {
    const element = mount(30_000);
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      element.controller.failed();
      delays.push(element.controller.nextDelay ?? 0);
    }
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(delays.at(-1)).toBeGreaterThan(MAX_BACKOFF_MS - 1_000);
    element.controller.succeeded();
    expect(element.controller.nextDelay).toBeLessThanOrEqual(30_000);
  });

  it('keeps backing off across a success that could not be shown (a failure streak)', () => {
    const element = mount(30_000);
    element.controller.failed();
    const first = element.controller.nextDelay ?? 0;
    element.controller.succeeded();
    element.controller.failed(undefined, 3);
    // The third failure in a row waits about four times the first (±20 % jitter each).
    expect(element.controller.nextDelay).toBeGreaterThan(first * 2.5);
  });

  it('waits at least as long as Retry-After', () => {
    const element = mount(1_000);
    element.controller.failed(600_000);
    expect(element.controller.nextDelay).toBeGreaterThanOrEqual(599_000);
  });

  it('interval 0 turns polling off', () => {
    const element = mount(0);
    expect(element.controller.nextDelay).toBeUndefined();
    element.controller.failed();
    expect(element.controller.nextDelay).toBeUndefined();
  });

  it('pauses while the page is hidden and catches up when it shows again', () => {
    vi.useFakeTimers();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const element = mount(1_000);
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(5_000);
    expect(element.calls).toBe(0);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(element.calls).toBe(1);
    visibility.mockRestore();
  });
});
