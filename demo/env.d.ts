/** Public settings the dev server may hand the portal (see demo/dev-server.ts); never secrets. */
interface ImportMetaEnv {
  /** `false` turns the mock upstreams off (set by the dev server when ARGOCD_URL is set). */
  readonly VITE_PORTAL_MOCK?: string;
  /** The real Argo CD UI, for deep links when the mocks are off. */
  readonly VITE_ARGOCD_UI?: string;
  /** The widgets' Module Federation remote: its mf-manifest.json (set by `npm start`). */
  readonly VITE_REMOTE_MANIFEST?: string;
}
