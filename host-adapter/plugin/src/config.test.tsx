import { ConfigReader } from '@backstage/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_TIMEOUT_MS, buildEndpoints, readSettings, uiBase } from './config';
import { entityFetch, themeMode, themeTokens } from './host';
import { toolUrl } from './urls';

const settings = readSettings(
  new ConfigReader({
    platformWidgets: {
      remote: { url: 'https://widgets.example.com/mf-manifest.json', timeoutMs: 4000 },
      refreshInterval: 45,
      systems: {
        argocd: { uiUrl: 'https://argocd.example.com', instances: { prod: { proxyPath: '/argocd-prod/', uiUrl: 'https://argocd.prod.example.com' } } },
        kubernetes: { proxyPath: '/k8s', instances: { 'eu-1': { proxyPath: '/k8s-eu-1' } } },
      },
    },
  }),
);

describe('config', () => {
  it('reads the remote, timeout and refresh interval', () => {
    expect(settings.remoteUrl).toBe('https://widgets.example.com/mf-manifest.json');
    expect(settings.remoteTimeoutMs).toBe(4000);
    expect(settings.refreshInterval).toBe(45);
  });

  it('builds proxy endpoints per system and named instance', () => {
    expect(buildEndpoints(settings, 'https://backstage.example.com/api/proxy/')).toEqual({
      argocd: { api: 'https://backstage.example.com/api/proxy/argocd', ui: 'https://argocd.example.com' },
      'argocd:prod': { api: 'https://backstage.example.com/api/proxy/argocd-prod/', ui: 'https://argocd.prod.example.com' },
      kubernetes: { api: 'https://backstage.example.com/api/proxy/k8s' },
      'kubernetes:eu-1': { api: 'https://backstage.example.com/api/proxy/k8s-eu-1' },
    });
  });

  it('serves endpoints through the backend plugin first, the proxy for the rest', () => {
    const withBackend = readSettings(
      new ConfigReader({
        platformWidgets: {
          endpoints: { argocd: { ui: 'https://argocd.example.com' }, 'argocd:prod': { ui: 'https://argocd.prod.example.com' }, kargo: {} },
          systems: { argocd: { uiUrl: 'https://old.example.com' }, vault: { uiUrl: 'https://vault.example.com' } },
        },
      }),
    );
    expect(buildEndpoints(withBackend, 'https://b.example.com/api/proxy', 'https://b.example.com/api/platform-widgets')).toEqual({
      argocd: { api: 'https://b.example.com/api/platform-widgets/argocd', ui: 'https://argocd.example.com' },
      'argocd:prod': { api: 'https://b.example.com/api/platform-widgets/argocd%3Aprod', ui: 'https://argocd.prod.example.com' },
      kargo: { api: 'https://b.example.com/api/platform-widgets/kargo' },
      vault: { api: 'https://b.example.com/api/proxy/vault', ui: 'https://vault.example.com' },
    });
    expect(uiBase(withBackend, 'argocd', 'prod')).toBe('https://argocd.prod.example.com');
  });

  it('the widgets name the entity only to the backend plugin', async () => {
    const seen: Array<{ url: string; entity: string | null }> = [];
    const original = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: input instanceof Request ? input.url : input instanceof URL ? input.href : input, entity: new Headers(init?.headers).get('X-Platform-Widgets-Entity') });
      return Promise.resolve(new Response('{}'));
    };
    try {
      const widgetFetch = entityFetch('https://b.example.com/api/platform-widgets', 'component:default/guestbook');
      await widgetFetch('https://b.example.com/api/platform-widgets/argocd/api/v1/applications/guestbook', { headers: { Accept: 'application/json' } });
      await widgetFetch('https://b.example.com/api/proxy/vault/v1/secret/metadata?list=true');
      await widgetFetch('https://b.example.com/api/platform-widgets-evil/x');
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual([
      { url: 'https://b.example.com/api/platform-widgets/argocd/api/v1/applications/guestbook', entity: 'component:default/guestbook' },
      { url: 'https://b.example.com/api/proxy/vault/v1/secret/metadata?list=true', entity: null },
      { url: 'https://b.example.com/api/platform-widgets-evil/x', entity: null },
    ]);
  });

  it('falls back to defaults when nothing is configured', () => {
    const empty = readSettings(new ConfigReader({}));
    expect(empty).toMatchObject({ remoteUrl: undefined, remoteTimeoutMs: DEFAULT_REMOTE_TIMEOUT_MS, refreshInterval: undefined });
    expect(buildEndpoints(empty, '/api/proxy')).toEqual({});
  });

  it('picks the UI base of an instance, else the system', () => {
    expect(uiBase(settings, 'argocd', 'prod')).toBe('https://argocd.prod.example.com');
    expect(uiBase(settings, 'argocd', 'unknown')).toBe('https://argocd.example.com');
    expect(uiBase(settings, 'vault', undefined)).toBeUndefined();
  });
});

describe('deep link URLs', () => {
  it('accept http(s) bases only and encode segments', () => {
    expect(toolUrl('https://argocd.example.com/', ['applications', 'team a', 'pay/ments'])).toBe('https://argocd.example.com/applications/team%20a/pay%2Fments');
    expect(toolUrl('javascript:alert(1)', ['x'])).toBeUndefined();
    expect(toolUrl('not a url')).toBeUndefined();
    expect(toolUrl(undefined)).toBeUndefined();
  });
});

describe('theme', () => {
  it('follows palette.type (MUI 4) and palette.mode (MUI 5)', () => {
    expect(themeMode({ palette: { type: 'dark' } })).toBe('dark');
    expect(themeMode({ palette: { mode: 'dark' } })).toBe('dark');
    expect(themeMode({ palette: { type: 'light' } })).toBe('light');
    expect(themeMode({})).toBe('light');
  });

  it("maps the Backstage palette to the widgets' --pw-* tokens", () => {
    const tokens = themeTokens({
      palette: { background: { paper: '#424242', default: '#333333' }, text: { primary: '#fff', secondary: '#ccc' }, divider: '#555', primary: { main: '#9cc9ff' } },
      typography: { fontFamily: 'Helvetica Neue' },
    });
    expect(tokens).toEqual({
      '--pw-bg': '#424242',
      '--pw-surface': '#333333',
      '--pw-fg': '#fff',
      '--pw-muted': '#ccc',
      '--pw-border': '#555',
      '--pw-accent': '#9cc9ff',
      '--pw-focus': '#9cc9ff',
      '--pw-font': 'Helvetica Neue',
    });
    expect(themeTokens({})).toEqual({});
  });
});
