import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualListOptions {
  /** Height of every row in px: the list is only correct if each row has exactly this height. */
  rowHeight: number;
  /** The scrolling element of the list, once rendered. */
  region: () => HTMLElement | null | undefined;
  /** Selector of a rendered row, to keep focus in the list when a focused row scrolls out. */
  rowSelector: string;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
}

/** Assumed height of a region until it has been measured: the default of --pw-list-height. */
const INITIAL_HEIGHT = 320;

/** Rows `first` (inclusive) to `last` (exclusive) are rendered. */
export interface VirtualRange {
  first: number;
  last: number;
}

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
  private observed?: HTMLElement;
  private resizeObserver?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: VirtualListOptions,
  ) {
    this.viewportRows = Math.ceil(INITIAL_HEIGHT / options.rowHeight);
    host.addController(this);
  }

  range(total: number): VirtualRange {
    const overscan = this.options.overscan ?? 6;
    const first = Math.max(0, Math.min(this.firstRow - overscan, total - 1));
    const last = Math.min(total, this.firstRow + this.viewportRows + overscan);
    return { first, last: Math.max(first, last) };
  }

  /** Back to the top (e.g. after the filter changed). */
  reset(): void {
    this.firstRow = 0;
    const region = this.options.region();
    if (region) region.scrollTop = 0;
  }

  hostConnected(): void {
    // A host moved in the document keeps its shadow root: follow its region again.
    this.follow(this.options.region() ?? undefined);
  }

  hostUpdated(): void {
    const region = this.options.region() ?? undefined;
    if (region !== this.observed) this.follow(region);
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
    const focusedRow = this.host.shadowRoot?.activeElement?.closest(this.options.rowSelector);
    if (focusedRow) void this.host.updateComplete.then(() => !focusedRow.isConnected && region.focus({ preventScroll: true }));
  };

  /** Home/End/PageUp/PageDown already scroll the focused region; arrows move by one row. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    const region = event.currentTarget as HTMLElement;
    if (event.key === 'ArrowDown') region.scrollTop += this.options.rowHeight;
    else if (event.key === 'ArrowUp') region.scrollTop -= this.options.rowHeight;
    else return;
    event.preventDefault();
  };

  private follow(region: HTMLElement | undefined): void {
    this.resizeObserver?.disconnect();
    this.observed = region;
    if (!region) return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const height = entries.at(-1)?.contentRect.height ?? 0;
      const rows = Math.max(1, Math.ceil(height / this.options.rowHeight));
      if (height > 0 && rows !== this.viewportRows) {
        this.viewportRows = rows;
        this.host.requestUpdate();
      }
    });
    this.resizeObserver.observe(region);
  }
}
