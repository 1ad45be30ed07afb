import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { defineKitElements } from '../widgets/kit/elements.js';
import type { Decision, PlatformHost, Theme } from '../widgets/kit/host.js';
import { testEndpoints } from '../widgets/kit/testing/fake-host.js';

defineKitElements();

export const STORYBOOK_TOKEN = 'storybook-token';
export const THEMES = ['light', 'dark'] as const satisfies readonly Theme[];

/** Page colours behind the widget, per theme (the widget's own card follows the theme tokens). */
const PAGE = {
  light: { background: '#ffffff', color: '#1f2328' },
  dark: { background: '#0d1117', color: '#e6edf3' },
} as const satisfies Record<Theme, { background: string; color: string }>;

declare module 'storybook/internal/csf' {
  interface Parameters {
    /**
     * Permission decisions the story's host answers with, per action. Unlisted actions
     * are denied (the contract fails closed). Without a map, every action is allowed.
     */
    decisions?: Readonly<Record<string, Decision>>;
    /** Overrides of the story's host contract (e.g. a longer `timeoutMs`). */
    host?: Partial<PlatformHost>;
  }
}

function isTheme(value: unknown): value is Theme {
  return (THEMES as readonly unknown[]).includes(value);
}

const logEvent = action('host.onEvent');

/** The host contract a Storybook page hands the widgets: same-origin proxy paths that msw answers. */
export function storyHost(theme: Theme, decisions?: Readonly<Record<string, Decision>>, overrides: Partial<PlatformHost> = {}): PlatformHost {
  return {
    endpoints: testEndpoints(),
    token: () => Promise.resolve(STORYBOOK_TOKEN),
    decide: (actionName) => Promise.resolve(decisions ? (decisions[actionName] ?? 'deny') : 'allow'),
    theme,
    // Stories switch scenarios on the same URLs: never reuse a response across stories.
    cacheTtlMs: 0,
    onEvent: (event) => {
      logEvent(event);
    },
    ...overrides,
  };
}

const hosts = new Map<string, PlatformHost>();

/**
 * Wraps every story in a `<pw-host>` that provides the host contract through context,
 * as a portal page would. The theme comes from the toolbar: a change hands the widgets
 * a host with the new theme, which they follow (an element's own `theme` attribute wins).
 */
export const withPlatformHost: Decorator = (story, context) => {
  const theme: Theme = isTheme(context.globals['theme']) ? context.globals['theme'] : 'light';
  const key = `${context.id}|${theme}`;
  // One host per story and theme: a re-render after an args change keeps the same host
  // (a new host object would make the widget reload for nothing).
  let host = hosts.get(key);
  if (!host) {
    host = storyHost(theme, context.parameters.decisions, context.parameters.host);
    hosts.set(key, host);
  }
  const page = PAGE[theme];
  document.body.style.background = page.background;
  document.body.style.color = page.color;
  document.documentElement.style.colorScheme = theme;
  return html`<pw-host .config=${host}>${story()}</pw-host>`;
};
