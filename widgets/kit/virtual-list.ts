import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualListOptions {
  /** Height of every row in px: the list is only correct if each row has exactly this height. */
  rowHeight: number;
  /** The scrolling element of the list, once rendered. */
  region: () => HTMLElement | null | undefined;
}

/** Rows `first` (inclusive) to `last` (exclusive) are rendered. */
export interface VirtualRange {
  first: number;
  last: number;
}

/** Assumed height of a region until it has been measured: the default of --pw-list-height. */
const INITIAL_HEIGHT = 320;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
const ARROW_ROWS: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1 };

/**
 * Renders only the rows of a long list that are in view. The host renders
 * `items.slice(first, last)` for `range(items.length)`, offsets them by `first * rowHeight`,
 * gives the list its full height, and binds `onScroll` / `onKeyDown` to the scrolling region.
 * The region's height is followed by a ResizeObserver rather than read after every update
 * (reading it forces a synchronous layout of the whole shadow root).
 */
export class VirtualListController implements ReactiveController {
  private firstRow = 0;
  private viewportRows: number;
  private resizeObserver?: ResizeObserver;
  private observed?: HTMLElement | null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: VirtualListOptions,
  ) {
    this.viewportRows = Math.ceil(INITIAL_HEIGHT / options.rowHeight);
    host.addController(this);
  }

  range(total: number): VirtualRange {
    return {
      first: Math.max(0, Math.min(this.firstRow - OVERSCAN, total - 1)),
      last: Math.min(total, this.firstRow + this.viewportRows + OVERSCAN),
    };
  }

  /** Back to the top (e.g. after the filter changed). */
  reset(): void {
    this.firstRow = 0;
    this.options.region()?.scrollTo(0, 0);
  }

  /** After each render: follow the region when it is a new one (first render, a state change). */
  hostUpdated(): void {
    const region = this.options.region();
    if (region === this.observed) return;
    this.resizeObserver?.disconnect();
    this.observed = region;
    if (region) (this.resizeObserver ??= new ResizeObserver(this.onResize)).observe(region);
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

  readonly onScroll = (event: Event): void => {
    const region = event.currentTarget as HTMLElement;
    const row = Math.floor(region.scrollTop / this.options.rowHeight);
    if (row === this.firstRow) return;
    this.firstRow = row;
    this.host.requestUpdate();
    // A focused row scrolled out of the rendered window is removed: keep focus in the list.
    const focused = this.host.shadowRoot?.activeElement;
    if (focused && region.contains(focused)) void this.host.updateComplete.then(() => !focused.isConnected && region.focus({ preventScroll: true }));
  };

  /** Home/End/PageUp/PageDown already scroll the focused region; arrows move by one row. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const rows = ARROW_ROWS[event.key];
    if (!rows || event.target !== event.currentTarget) return;
    (event.currentTarget as HTMLElement).scrollTop += rows * this.options.rowHeight;
    event.preventDefault();
  };

  /** A hidden region measures 0: then only the overscan rows are rendered until it is shown. */
  private readonly onResize = ([entry]: ResizeObserverEntry[]): void => {
    const rows = Math.ceil((entry?.contentRect.height ?? 0) / this.options.rowHeight);
    if (rows === this.viewportRows) return;
    this.viewportRows = rows;
    this.host.requestUpdate();
  };
}
