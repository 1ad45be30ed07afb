import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { expect } from 'vitest';
import axe from 'axe-core';
import type { WidgetState } from '../events.js';
import type { PlatformHost } from '../host.js';

export interface MountedWidget<E extends HTMLElement> {
  element: E;
  /** Text the person sees inside the widget (shadow DOM included). */
  text: () => string;
}

/** Mounts a widget and hands it the host as a property, as Backstage does. */
export async function mountWidget<E extends HTMLElement & { host?: PlatformHost }>(
  template: TemplateResult,
  host?: PlatformHost,
): Promise<MountedWidget<E>> {
  const element = await fixture<E>(template);
  if (host) element.host = host;
  return { element, text: () => visibleText(element) };
}

export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/** Waits until the widget reports `state` through its data-state marker. */
export async function waitForState(element: Element, state: WidgetState, timeout = 5_000): Promise<void> {
  await expect
    .poll(() => element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state'), { timeout })
    .toBe(state);
}

/** Runs axe over the element (shadow DOM included) and fails on any violation. */
export async function expectAccessible(element: Element): Promise<void> {
  const result = await axe.run(element, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
