import type { ActionId } from './actions.js';
import { SYSTEMS, type SystemId } from './systems.js';
import type { WidgetDescriptor } from './widget.js';
import { WIDGET_DESCRIPTORS } from './widgets.generated.js';

export type CallMethod = 'GET' | 'POST';

/** Where an action's resource name is read from: a path parameter, or a field of the JSON body. */
export type ResourceSource = { path: string } | { body: string };

/**
 * One upstream call a widget makes. `path` is below the tool's root: literal segments,
 * `{name}` for exactly one segment, `{name+}` for one or more. Only the listed query
 * parameters may be sent. A call with an `action` is authorized as that action, on the
 * resource named by `resource`; `when` makes an entry apply only when that query
 * parameter is present (Argo CD's `?refresh=` turns a read into an action).
 */
export interface UpstreamCall {
  method: CallMethod;
  path: string;
  query?: readonly string[];
  action?: ActionId;
  resource?: ResourceSource;
  when?: { query: string };
  /**
   * Response headers the backend passes back besides the content type (lower case). Grafana's
   * `/d-solo/` page: the widget reads whether Grafana lets itself be framed before framing it.
   */
  responseHeaders?: readonly string[];
}


/** Every call the widgets make, per system, from their descriptors. The backend forwards these and nothing else. */
function callsBySystem(): Readonly<Record<SystemId, readonly UpstreamCall[]>> {
  const table = Object.fromEntries(SYSTEMS.map((system) => [system, [] as UpstreamCall[]])) as Record<SystemId, UpstreamCall[]>;
  const descriptors: readonly WidgetDescriptor[] = WIDGET_DESCRIPTORS;
  for (const descriptor of descriptors) {
    for (const system of SYSTEMS) {
      for (const call of descriptor.calls[system] ?? []) {
        const known = table[system].some((entry) => JSON.stringify(entry) === JSON.stringify(call));
        if (!known) table[system].push(call);
      }
    }
  }
  return table;
}

export const UPSTREAM_CALLS = /* @__PURE__ */ callsBySystem();

/** Request headers a widget may send besides Accept and Content-Type, forwarded to the tool. */
export const FORWARDED_REQUEST_HEADERS = ['connect-protocol-version', 'x-accept-vulnerabilities', 'x-vault-namespace'] as const;

/**
 * Systems whose answers are Kubernetes objects. Their `metadata.managedFields` (server-side
 * apply bookkeeping, often half of an object's bytes) is read by no widget: the backend drops it.
 */
export const KUBERNETES_OBJECT_SYSTEMS: readonly SystemId[] = ['kubernetes', 'tekton', 'crossplane', 'kargo'];
