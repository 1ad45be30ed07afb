import { SYSTEMS, SYSTEM_NAMES, type PlatformHost, type SystemId } from '../widgets/kit/host.js';
import { safeHref } from '../widgets/kit/urls.js';

/*
 * When a widget's code cannot come from the remote (remote down, blocked, a broken deploy),
 * its card still says why and links into the tool, without any of the remote's code: plain
 * DOM in the (undefined) element's light DOM, text only. A later successful load upgrades the
 * element, whose shadow root then hides this.
 */

const PREFIXES: Readonly<Record<string, SystemId>> = { argo: 'argocd', k8s: 'kubernetes' };

/** The tool a widget tag belongs to: `argo-status` → argocd, `harbor-vulns` → harbor. */
export function systemOfTag(tag: string): SystemId | undefined {
  const prefix = tag.split('-')[0] ?? '';
  return PREFIXES[prefix] ?? SYSTEMS.find((system) => system === prefix);
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(name);
  if (text) created.textContent = text;
  if (className) created.className = className;
  return created;
}

/** Shows the reason and the tool's link in `card`; `retry` is offered as a button. */
export function showRemoteFailure(card: HTMLElement, reason: string, host: PlatformHost | undefined, retry: () => void): void {
  const system = systemOfTag(card.localName);
  const tool = system ? SYSTEM_NAMES[system] : card.localName;
  const href = safeHref(system ? host?.endpoints[card.getAttribute('instance') ? `${system}:${card.getAttribute('instance')}` : system]?.ui : undefined);

  const frame = element('section', undefined, 'card remote-fallback');
  frame.dataset['state'] = 'degraded';
  frame.setAttribute('aria-label', tool);
  const title = element('h2', tool, 'remote-fallback__title');
  const why = element('p', undefined, 'remote-fallback__reason');
  why.append(element('span', '!', 'remote-fallback__icon'), ` The widget did not load: ${reason}`);
  why.firstElementChild?.setAttribute('aria-hidden', 'true');
  const actions = element('p', undefined, 'remote-fallback__actions');
  if (href) {
    const link = element('a', `Open ${tool}`);
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.append(element('span', ' (opens in a new tab)', 'visually-hidden'));
    actions.append(link);
  }
  const again = element('button', 'Retry');
  again.type = 'button';
  again.addEventListener('click', retry);
  actions.append(again);
  frame.append(title, why, actions);
  card.replaceChildren(frame);
}

/** Removes the fallback (before a retry, or once the element is defined). */
export function clearRemoteFailure(card: HTMLElement): void {
  card.querySelector(':scope > .remote-fallback')?.remove();
}
