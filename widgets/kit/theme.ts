import { css } from 'lit';

/**
 * Design tokens. A host page maps its own theme onto the public `--pw-*`
 * properties (they inherit through shadow roots); the defaults below follow
 * the `theme` attribute, else the reader's `prefers-color-scheme`.
 *
 * Public tokens: --pw-font, --pw-font-mono, --pw-radius, --pw-bg, --pw-surface,
 * --pw-fg, --pw-muted, --pw-border, --pw-accent, --pw-ok, --pw-warn,
 * --pw-error, --pw-info, --pw-progress, --pw-critical, --pw-high,
 * --pw-medium, --pw-low, --pw-focus.
 */
const light = css`
  --_bg: var(--pw-bg, #ffffff);
  --_surface: var(--pw-surface, #f6f8fa);
  --_fg: var(--pw-fg, #1f2328);
  --_muted: var(--pw-muted, #57606a);
  --_border: var(--pw-border, #d0d7de);
  --_accent: var(--pw-accent, #0550ae);
  --_ok: var(--pw-ok, #1a7f37);
  --_warn: var(--pw-warn, #9a6700);
  --_error: var(--pw-error, #cf222e);
  --_info: var(--pw-info, #0969da);
  --_progress: var(--pw-progress, #8250df);
  --_critical: var(--pw-critical, #b91c1c);
  --_high: var(--pw-high, #c2410c);
  --_medium: var(--pw-medium, #a16207);
  --_low: var(--pw-low, #6b7280);
  --_focus: var(--pw-focus, #0969da);
  color-scheme: light;
`;

const dark = css`
  --_bg: var(--pw-bg, #0d1117);
  --_surface: var(--pw-surface, #161b22);
  --_fg: var(--pw-fg, #e6edf3);
  --_muted: var(--pw-muted, #9da7b3);
  --_border: var(--pw-border, #3d444d);
  --_accent: var(--pw-accent, #58a6ff);
  --_ok: var(--pw-ok, #3fb950);
  --_warn: var(--pw-warn, #d29922);
  --_error: var(--pw-error, #ff7b72);
  --_info: var(--pw-info, #58a6ff);
  --_progress: var(--pw-progress, #bc8cff);
  --_critical: var(--pw-critical, #f87171);
  --_high: var(--pw-high, #fb923c);
  --_medium: var(--pw-medium, #facc15);
  --_low: var(--pw-low, #9ca3af);
  --_focus: var(--pw-focus, #58a6ff);
  color-scheme: dark;
`;

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
