import { expect, waitFor } from 'storybook/test';
import type { WidgetState } from '../widgets/kit/events.js';

/**
 * Helpers for play functions. Widgets render into shadow DOM, which Testing Library's
 * queries do not enter, so these walk `shadowRoot`s. (kit/testing/mount.ts has the same
 * ideas for Vitest, but it imports vitest and @open-wc, which do not belong in Storybook.)
 */

/** Waits long enough for a mocked request plus a render, never for a real timeout. */
export const WAIT = { timeout: 5_000 } as const;

export function widgetIn<K extends keyof HTMLElementTagNameMap>(canvasElement: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const element = canvasElement.querySelector(tag);
  if (!element) throw new Error(`<${tag}> is not in the story`);
  return element;
}

/** Text a person sees in the element, shadow roots included, whitespace collapsed. */
export function visibleText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The first match inside the element's shadow root (throws when there is none, so waitFor retries). */
export function inShadow<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`${selector} not found in <${element.localName}>`);
  return found;
}

export function stateOf(element: Element): string | null | undefined {
  return element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state');
}

export async function waitForState(element: Element, state: WidgetState, options: { timeout: number } = WAIT): Promise<void> {
  await waitFor(() => expect(stateOf(element)).toBe(state), options);
}

/** Waits until every text is visible in the element. */
export async function waitForText(element: Element, texts: readonly string[], options: { timeout: number } = WAIT): Promise<void> {
  await waitFor(async () => {
    const shown = visibleText(element);
    for (const text of texts) await expect(shown).toContain(text);
  }, options);
}

/** A play function: the widget reaches `state` (default ready) and shows every text. */
export function playShows(tag: keyof HTMLElementTagNameMap, texts: readonly string[], state: WidgetState = 'ready') {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const widget = widgetIn(canvasElement, tag);
    await waitForState(widget, state);
    await waitForText(widget, texts);
  };
}

/** The degraded state's deep link (`<pw-deep-link>` renders it in its own shadow root). */
export function deepLinkOf(element: Element): HTMLAnchorElement {
  return inShadow<HTMLAnchorElement>(inShadow(element, 'pw-deep-link'), 'a');
}

export interface DegradedExpectation {
  tag: keyof HTMLElementTagNameMap;
  /** The link's text, e.g. "Open guestbook in Argo CD". */
  linkText: string;
  href: string;
}

/** The degraded state: the reason, and a deep link to exactly this resource opening in a new tab. */
export async function expectDegraded(canvasElement: HTMLElement, reason: string, expected: DegradedExpectation): Promise<void> {
  const widget = widgetIn(canvasElement, expected.tag);
  await waitForState(widget, 'degraded');
  await waitForText(widget, [reason, expected.linkText]);
  await expect(deepLinkOf(widget).href).toBe(expected.href);
  await expect(deepLinkOf(widget).target).toBe('_blank');
}
