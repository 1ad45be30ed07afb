export interface Config {
  /** Platform Widgets: where the widget remote lives and how each tool is reached. */
  platformWidgets?: {
    remote: {
      /**
       * URL of the remote's `mf-manifest.json` (or `remoteEntry.js`).
       * @visibility frontend
       */
      url: string;
      /**
       * Milliseconds to wait for the remote before showing the deep link (default 10000).
       * @visibility frontend
       */
      timeoutMs?: number;
    };
    /**
     * Default seconds between refreshes for every card (0 = off); an entity's
     * `platform-widgets.io/refresh-interval` annotation wins.
     * @visibility frontend
     */
    refreshInterval?: number;
    /**
     * Tools served by the Platform Widgets backend plugin (the default and recommended set-up:
     * every call authorized, reads shared), keyed by endpoint key (`argocd`, `argocd:prod`).
     * The backend's own config schema holds `target` and the secret `headers`.
     */
    endpoints?: {
      [key: string]: {
        /**
         * The tool's own UI, for deep links.
         * @visibility frontend
         */
        ui?: string;
      };
    };
    /**
     * Read-only installs through the proxy backend instead: per tool `argocd`, `grafana`, `harbor`, `crossplane`, `kubernetes`, `kargo`,
     * `temporal`, `kubecost`, `tekton`, `vault`.
     */
    systems?: {
      [system: string]: {
        /**
         * Path below the proxy backend (`discoveryApi.getBaseUrl('proxy')`) whose target is the
         * tool's root, e.g. `/argocd` for `proxy.endpoints['/argocd']`. Default `/<system>`.
         * @visibility frontend
         */
        proxyPath?: string;
        /**
         * The tool's own UI, for deep links.
         * @visibility frontend
         */
        uiUrl?: string;
        /** Named instances (`argocd/instance-name`, a Kubernetes cluster name, …). */
        instances?: {
          [instance: string]: {
            /** @visibility frontend */
            proxyPath: string;
            /** @visibility frontend */
            uiUrl?: string;
          };
        };
      };
    };
  };
}
