export interface Config {
  platformWidgets?: {
    /**
     * The tools the widgets read, keyed by endpoint key: `argocd`, or `argocd:prod` for a
     * named instance (a widget's `instance` attribute / `argocd/instance-name`).
     */
    endpoints?: {
      [key: string]: {
        /** The tool's root URL (http or https), e.g. https://argocd.example.com. */
        target: string;
        /**
         * The tool's own UI, for deep links.
         * @visibility frontend
         */
        ui?: string;
        /**
         * Headers the backend adds to every call to this tool: the server's credential,
         * e.g. `Authorization: Bearer ${ARGOCD_TOKEN}`. Never sent to the browser.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** Seconds a read of this endpoint is served from the cache (default: cache.systems, then cache.ttlSeconds). */
        cacheTtlSeconds?: number;
      };
    };
    cache?: {
      /** Seconds a read is served from the cache before the tool is asked again (default 10). */
      ttlSeconds?: number;
      /** Per system (`argocd`, `kubernetes`, …): seconds a read is served from the cache. */
      systems?: { [system: string]: number };
      /** Seconds a kept copy may be served, marked stale, while the tool fails (default 600). */
      staleSeconds?: number;
      /** Milliseconds a cache call may take before it counts as a miss (default 250). */
      timeoutMs?: number;
    };
    /**
     * Seconds a user's read decision for a system is reused (default 5; 0 asks the permission
     * framework on every read). Actions are decided on every call.
     */
    readDecisionTtlSeconds?: number;
    /** Milliseconds the backend waits for a tool (default 15000). */
    upstreamTimeoutMs?: number;
    /** Largest tool answer forwarded, in bytes (default 52428800). */
    maxResponseBytes?: number;
  };
}
