import { createContext } from '@lit/context';

/** The platform tools a widget can talk to. */
export const SYSTEMS = [
  'argocd',
  'grafana',
  'harbor',
  'crossplane',
  'kubernetes',
  'kargo',
  'temporal',
  'kubecost',
  'tekton',
  'vault',
] as const;
export type SystemId = (typeof SYSTEMS)[number];

/** Human names of the tools, for reasons and link labels. */
export const SYSTEM_NAMES: Record<SystemId, string> = {
  argocd: 'Argo CD',
  grafana: 'Grafana',
  harbor: 'Harbor',
  crossplane: 'Crossplane',
  kubernetes: 'Kubernetes',
  kargo: 'Kargo',
  temporal: 'Temporal',
  kubecost: 'Kubecost',
  tekton: 'Tekton',
  vault: 'Vault',
};

/**
 * Where a tool lives. `api` stands in for the tool's root URL (often a proxy
 * path such as `/api/proxy/argocd`); `ui` is the tool's own UI, for deep links.
 */
export interface Endpoint {
  api: string;
  ui?: string;
}

export type Decision = 'allow' | 'deny';
export type Theme = 'light' | 'dark';

export interface HostEvent {
  type: string;
  widget: string;
  detail: Readonly<Record<string, unknown>>;
}

/**
 * What a page (Backstage, a portal, a wiki, Storybook) hands every widget.
 * Endpoints are keyed by system, or `system:instance` for named instances
 * (`argocd:prod`), chosen by a widget's `instance` attribute.
 */
export interface PlatformHost {
  endpoints: Readonly<Record<string, Endpoint | undefined>>;
  /** The signed-in user's token; sent only to the matching system's `api` base. */
  token?: (system: SystemId) => Promise<string | undefined>;
  /** Permission decisions. No function, or no answer, means deny. */
  decide?: (action: string, resourceRef: string) => Promise<Decision>;
  fetch?: typeof fetch;
  locale?: string;
  /** ISO 4217 code for money (cost widgets); default USD. */
  currency?: string;
  theme?: Theme;
  /** Telemetry/audit hook: states, errors and actions (never tokens). */
  onEvent?: (event: HostEvent) => void;
  /** Request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** How long a GET response is reused in ms (default 5 000). */
  cacheTtlMs?: number;
}

/** Shared across separately built bundles because the key is a registered symbol. */
export const hostContext = createContext<PlatformHost | undefined>(Symbol.for('platform-widgets.host'));

export function endpointKey(system: SystemId, instance?: string | null): string {
  return instance ? `${system}:${instance}` : system;
}

export function resolveEndpoint(
  host: PlatformHost | undefined,
  system: SystemId,
  instance?: string | null,
): Endpoint | undefined {
  return host?.endpoints[endpointKey(system, instance)];
}

const CONFIGURED = Symbol.for('platform-widgets.configured-host');
export const HOST_CONFIGURED_EVENT = 'pw-host-configured';

type GlobalWithHost = typeof globalThis & { [CONFIGURED]?: PlatformHost };

/**
 * Configures every widget on a plain page that is not inside a `<pw-host>`.
 * Widgets already on the page pick the new host up at once; `undefined` unsets it.
 */
export function configure(host: PlatformHost | undefined): void {
  (globalThis as GlobalWithHost)[CONFIGURED] = host;
  globalThis.dispatchEvent?.(new Event(HOST_CONFIGURED_EVENT));
}

export function configuredHost(): PlatformHost | undefined {
  return (globalThis as GlobalWithHost)[CONFIGURED];
}
