import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { styleProps, type StyleProps } from './style-props.js';

function draw(container: HTMLElement, props: StyleProps): HTMLElement {
  render(html`<span ${styleProps(props)}></span>`, container);
  const span = container.querySelector('span');
  if (!span) throw new Error('no span');
  return span;
}

describe('styleProps', () => {
  it('sets CSS properties through the CSSOM on first render, custom properties included', () => {
    const container = document.createElement('div');
    const span = draw(container, { width: '60%', '--depth': 2 });
    expect(span.style.getPropertyValue('width')).toBe('60%');
    expect(span.style.getPropertyValue('--depth')).toBe('2');
  });

  it('removes properties that are gone or null on the next render', () => {
    const container = document.createElement('div');
    draw(container, { width: '60%', 'flex-grow': '1' });
    const span = draw(container, { width: null });
    expect(span.style.getPropertyValue('width')).toBe('');
    expect(span.style.getPropertyValue('flex-grow')).toBe('');
  });

  it('refuses attribute position, where it could not work without a style attribute', () => {
    const container = document.createElement('div');
    expect(() => render(html`<span style=${styleProps({ width: '1px' })}></span>`, container)).toThrow(/element position/);
  });
});
