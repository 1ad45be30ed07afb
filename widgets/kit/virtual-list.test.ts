import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualListController } from './virtual-list.js';

const ROW = 20;
const TOTAL = 1_000;

class LongList extends LitElement {
  readonly rows = new VirtualListController(this, {
    rowHeight: ROW,
    region: () => this.shadowRoot?.querySelector<HTMLElement>('.region'),
  });

  override render(): unknown {
    const { first, last } = this.rows.range(TOTAL);
    const indexes = Array.from({ length: last - first }, (_, i) => first + i);
    return html`<div class="region" tabindex="0" style="height: 100px; overflow: auto" @scroll=${this.rows.onScroll} @keydown=${this.rows.onKeyDown}>
      <div style=${`height: ${TOTAL * ROW}px; padding-top: ${first * ROW}px; box-sizing: border-box`}>
        ${indexes.map((i) => html`<div data-row=${i} style="height: ${ROW}px">${i}</div>`)}
      </div>
    </div>`;
  }
}
customElements.define('test-long-list', LongList);

const drawn = (element: LongList) => [...(element.shadowRoot?.querySelectorAll('[data-row]') ?? [])].map((row) => Number(row.getAttribute('data-row')));

/** Mounted, and its region measured (100 px: 5 rows in view, 6 of overscan below). */
async function mount(): Promise<LongList> {
  const element = document.createElement('test-long-list') as LongList;
  document.body.append(element);
  await expect.poll(() => drawn(element)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  return element;
}

describe('VirtualListController', () => {
  afterEach(() => document.body.replaceChildren());

  it('renders the rows in view and the overscan, never the whole list', async () => {
    const element = await mount();
    expect(element.rows.range(3)).toEqual({ first: 0, last: 3 });
    expect(element.rows.range(0)).toEqual({ first: 0, last: 0 });
  });

  it('follows scrolling and the arrow keys, and goes back to the top on reset', async () => {
    const element = await mount();
    const region = element.shadowRoot?.querySelector<HTMLElement>('.region');
    if (!region) throw new Error('no region');
    region.scrollTop = 500 * ROW;
    region.dispatchEvent(new Event('scroll'));
    await element.updateComplete;
    expect(drawn(element)).toEqual(Array.from({ length: 17 }, (_, i) => 494 + i));
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(region.scrollTop).toBe(501 * ROW);
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(region.scrollTop).toBe(500 * ROW);
    element.rows.reset();
    element.requestUpdate();
    await element.updateComplete;
    expect(region.scrollTop).toBe(0);
    expect(drawn(element)[0]).toBe(0);
  });

  it('follows the height of the region', async () => {
    const element = await mount();
    const region = element.shadowRoot?.querySelector<HTMLElement>('.region');
    if (!region) throw new Error('no region');
    region.style.height = '200px';
    await expect.poll(() => drawn(element).length).toBe(16);
  });
});
