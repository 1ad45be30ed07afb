import { afterEach, describe, expect, it } from 'vitest';
import { WIDGET_TAGS, loadWidget } from './embed.js';

const added: Element[] = [];
function add(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  if (!element) throw new Error('no element');
  document.body.append(element);
  added.push(element);
  return element;
}

afterEach(() => {
  for (const element of added.splice(0)) element.remove();
});

describe('embed loader', () => {
  it('knows every widget folder (widgets/<tag>/<tag>.ts), and nothing else', () => {
    expect(WIDGET_TAGS.length).toBeGreaterThanOrEqual(7);
    expect(WIDGET_TAGS).toContain('argo-status');
    expect(WIDGET_TAGS).not.toContain('kit');
    for (const tag of WIDGET_TAGS) expect(tag).toMatch(/^[a-z0-9]+-[a-z0-9-]+$/);
  });

  it('defines nothing until a tag appears; then that tag, and <pw-host> with it', async () => {
    expect(customElements.get('tekton-runs')).toBeUndefined();
    add('<div><tekton-runs namespace="team" kubernetes-id="checkout"></tekton-runs></div>');
    await customElements.whenDefined('tekton-runs');
    expect(customElements.get('pw-host')).toBeDefined();
    expect(customElements.get('temporal-workflows')).toBeUndefined();
  });

  it('loads a tag added on its own, later', async () => {
    add('<temporal-workflows namespace="payments"></temporal-workflows>');
    await expect(customElements.whenDefined('temporal-workflows')).resolves.toBeDefined();
  });

  it('a second load of a tag is a no-op; an unknown tag is reported, not thrown', async () => {
    await loadWidget('tekton-runs');
    const defined = customElements.get('tekton-runs');
    await loadWidget('tekton-runs');
    expect(customElements.get('tekton-runs')).toBe(defined);
    await expect(loadWidget('not-a-widget')).resolves.toBeUndefined();
  });
});
