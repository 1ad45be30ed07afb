import { expect } from 'vitest';
import { expectAccessible, shadow } from './mount.js';

/**
 * The card's "Problems" region as a person meets it: named after the resource,
 * the expected rules in order, each with seen/why/fix as text and a link
 * reachable by keyboard; axe-clean in light and dark.
 */
export async function expectProblems(element: HTMLElement, label: string, rules: readonly string[]): Promise<HTMLElement> {
  const region = shadow(element).querySelector<HTMLElement>(`section.diagnoses[aria-label^="Problems of ${CSS.escape(label)} in "]`);
  expect(region, `Problems of ${label}`).not.toBeNull();
  const items = [...(region as HTMLElement).querySelectorAll<HTMLElement>('li[data-problem]')];
  expect(items.map((li) => li.dataset.problem)).toEqual(rules);
  for (const li of items) {
    const text = li.textContent ?? '';
    for (const part of ['Seen:', 'Why:', 'Fix:']) expect(text).toContain(part);
    for (const a of li.querySelectorAll('a')) {
      expect(a.href).toMatch(/^https?:\/\//);
      expect(a.tabIndex).toBe(0);
    }
  }
  for (const theme of ['light', 'dark'] as const) {
    element.setAttribute('theme', theme);
    await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    await expectAccessible(element);
  }
  return region as HTMLElement;
}
