import type { Connect, Plugin, ProxyOptions } from 'vite';

/** The Vite mode `npm start` runs in; nothing here applies to Vitest, Storybook or builds. */
export const PORTAL_MODE = 'portal';
const PORTAL_PATH = '/demo/';
const ARGOCD_PROXY = '/proxy/argocd';

/** Strips trailing slashes; rejects anything but http(s), so a typo fails loudly at start. */
function baseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http(s): ${value}`);
  return url.href.replace(/\/+$/, '');
}

/**
 * `/proxy/argocd/*` → `$ARGOCD_URL/*`. The token from `ARGOCD_TOKEN` is added here, on the
 * server, replacing whatever Authorization the browser sent: it never reaches the page.
 */
export function argocdProxy(env: NodeJS.ProcessEnv): Record<string, ProxyOptions> {
  const target = env.ARGOCD_URL;
  if (!target) return {};
  const token = env.ARGOCD_TOKEN;
  return {
    [ARGOCD_PROXY]: {
      target: baseUrl('ARGOCD_URL', target),
      changeOrigin: true,
      // Self-signed Argo CD in a lab: ARGOCD_INSECURE=1 skips certificate checks (never the default).
      secure: env.ARGOCD_INSECURE !== '1',
      rewrite: (path) => path.slice(ARGOCD_PROXY.length) || '/',
      configure: (proxy) => {
        proxy.on('proxyReq', (request) => {
          request.removeHeader('cookie');
          if (token) request.setHeader('authorization', `Bearer ${token}`);
          else request.removeHeader('authorization');
        });
      },
    },
  };
}

/** `/` and `/demo` → `/demo/` (query kept), so `npm start` opens straight onto the portal. */
const redirectToPortal: Connect.NextHandleFunction = (request, response, next) => {
  const [path = '', query] = (request.url ?? '').split('?', 2);
  if ((request.method === 'GET' || request.method === 'HEAD') && (path === '/' || path === '/demo')) {
    response.statusCode = 302;
    response.setHeader('Location', `${PORTAL_PATH}${query ? `?${query}` : ''}`);
    response.end();
    return;
  }
  next();
};

/**
 * `/proxy/<tool>/*` with no upstream configured (mocks off, no ARGOCD_URL): a 502 that says
 * why, so the widgets show "Tool unavailable" rather than a misleading "Not found".
 */
function noUpstream(proxied: ReadonlySet<string>): Connect.NextHandleFunction {
  return (request, response, next) => {
    const prefix = /^\/proxy\/[^/?]+/.exec(request.url ?? '')?.[0];
    if (!prefix || proxied.has(prefix)) return next();
    response.statusCode = 502;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ error: `No upstream for ${prefix}: the page's mocks are off and no URL is set (see demo/README.md).` }));
  };
}

/**
 * The demo portal's dev-server additions, active only in `--mode portal` (`npm start`,
 * the Playwright web servers): the redirect to /demo/ and, when `ARGOCD_URL` is set, the
 * proxy to a real Argo CD with the page's mocks turned off.
 */
export function portalDevServer(env: NodeJS.ProcessEnv = process.env): Plugin {
  return {
    name: 'platform-widgets:portal-dev-server',
    apply: (_config, { command, mode }) => command === 'serve' && mode === PORTAL_MODE,
    config() {
      const proxy = argocdProxy(env);
      // The page hands its lit to the widgets' remote, whose lit directives are production
      // builds; lit's development build names its internals differently, so the page must use
      // the production build too (what any host must do). Its own dependency cache, since
      // Vitest and Storybook (same config file) keep lit's development build.
      const litProduction = { resolve: { conditions: ['module', 'browser', 'production'] }, cacheDir: 'node_modules/.vite/portal' };
      if (!env.ARGOCD_URL) return litProduction;
      const ui = baseUrl('ARGOCD_UI_URL', env.ARGOCD_UI_URL ?? env.ARGOCD_URL);
      return {
        ...litProduction,
        server: { proxy },
        // Its own dependency cache: the defines below differ from the mock portal's, and both
        // may run at once (npm start beside the e2e servers) without re-optimising each other.
        cacheDir: 'node_modules/.vite/portal-live',
        // Only public facts reach the page: mocks off, and where the Argo CD UI is for deep links.
        define: {
          'import.meta.env.VITE_PORTAL_MOCK': JSON.stringify(env.VITE_PORTAL_MOCK || 'false'),
          'import.meta.env.VITE_ARGOCD_UI': JSON.stringify(ui),
        },
      };
    },
    configureServer(server) {
      server.middlewares.use(redirectToPortal);
      server.middlewares.use(noUpstream(new Set(Object.keys(server.config.server.proxy ?? {}))));
    },
  };
}
