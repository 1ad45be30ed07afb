import { css, unsafeCSS } from 'lit';

/**
 * Design tokens. A host page maps its own theme onto the public `--pw-<name>` properties
 * (they inherit through shadow roots); the defaults below follow the `theme` attribute, else
 * the reader's `prefers-color-scheme`. Public beside these: --pw-font, --pw-font-mono, --pw-radius.
 */
const COLOURS = {
  bg: ['#ffffff', '#0d1117'],
  surface: ['#f6f8fa', '#161b22'],
  fg: ['#1f2328', '#e6edf3'],
  muted: ['#57606a', '#9da7b3'],
  border: ['#d0d7de', '#3d444d'],
  accent: ['#0550ae', '#58a6ff'],
  ok: ['#1a7f37', '#3fb950'],
  warn: ['#9a6700', '#d29922'],
  error: ['#cf222e', '#ff7b72'],
  info: ['#0969da', '#58a6ff'],
  progress: ['#8250df', '#bc8cff'],
  critical: ['#b91c1c', '#f87171'],
  high: ['#c2410c', '#fb923c'],
  medium: ['#a16207', '#facc15'],
  low: ['#6b7280', '#9ca3af'],
  focus: ['#0969da', '#58a6ff'],
} as const;

/** Each colour token with its default for one scheme. Built from the constant table above, never from input. */
const scheme = (index: 0 | 1, name: 'light' | 'dark') =>
  unsafeCSS(`${Object.entries(COLOURS).map(([token, defaults]) => `--_${token}: var(--pw-${token}, ${defaults[index]});`).join('\n')}\ncolor-scheme: ${name};`);

const light = scheme(0, 'light');
const dark = scheme(1, 'dark');

export const themeStyles = css`
  :host {
    ${light}
    --_font: var(--pw-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--pw-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_radius: var(--pw-radius, 6px);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
`;
