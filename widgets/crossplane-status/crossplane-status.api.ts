import * as z from 'zod/mini';
import {
  apiCall, apiRequest,
  conditionSchema,
  dashboardLink,
  objectMetaSchema,
  optional,
  optionalList as list,
  optionalText,
  type CallContext,
} from '../kit/index.js';


/** `spec.resourceRef` of a claim, or one entry of an XR's `resourceRefs`. Tolerant: a bad entry degrades its row only. */
export const objectRefSchema = z.object({
  apiVersion: optionalText,
  kind: optionalText,
  name: optionalText,
  namespace: optionalText,
});

const namedRef = z.object({ name: optionalText, namespace: optionalText });

/**
 * Any object of the tree: claim, composite (XR, Crossplane v1 or v2) or managed
 * resource. Only the fields the widget reads; the rest (forProvider, atProvider …) is dropped.
 */
export const crossplaneObjectSchema = z.object({
  apiVersion: optionalText,
  kind: optionalText,
  metadata: objectMetaSchema,
  spec: optional(
    z.object({
      /** Claim → its XR. */
      resourceRef: optional(objectRefSchema),
      /** Crossplane v1 XR → composed resources. */
      resourceRefs: list(objectRefSchema),
      compositionRef: optional(namedRef),
      claimRef: optional(objectRefSchema),
      /** Crossplane v2 moved the machinery under `spec.crossplane`. */
      crossplane: optional(
        z.object({
          resourceRefs: list(objectRefSchema),
          compositionRef: optional(namedRef),
        }),
      ),
    }),
  ),
  status: optional(z.object({ conditions: list(conditionSchema) })),
});

/** `GET /apis/{group}/{version}`: which plural serves which kind. */
export const apiResourceListSchema = z.object({
  groupVersion: optionalText,
  resources: list(
    z.object({
      name: z.string(),
      kind: z.string(),
      namespaced: z.optional(z.nullable(z.boolean())),
    }),
  ),
});

export type CrossplaneObject = z.infer<typeof crossplaneObjectSchema>;
export type ObjectRef = z.infer<typeof objectRefSchema>;
export type ApiResourceList = z.infer<typeof apiResourceListSchema>;

/** Where one object lives in the API. `group` is '' for the core group (`/api/v1`). */
export interface ObjectTarget {
  group: string;
  version: string;
  plural: string;
  name: string;
  namespace?: string;
}

export interface ResourceType {
  plural: string;
  namespaced: boolean;
}


/** `rds.aws.upbound.io/v1beta1` → group + version; `v1` → the core group. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } | undefined {
  const parts = apiVersion.split('/');
  if (parts.length === 1 && parts[0]) return { group: '', version: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { group: parts[0], version: parts[1] };
  return undefined;
}

function groupVersionPath(group: string, version: string): string[] {
  return group ? ['apis', group, version] : ['api', version];
}

export function objectPath(target: ObjectTarget): string[] {
  const scope = target.namespace ? ['namespaces', target.namespace] : [];
  return [...groupVersionPath(target.group, target.version), ...scope, target.plural, target.name];
}

/** `GET /apis/{group}/{version}[/namespaces/{ns}]/{plural}/{name}`. */
export function getObject(call: CallContext & { target: ObjectTarget }): Promise<CrossplaneObject> {
  return apiCall(call, {
    system: 'crossplane',
    path: objectPath(call.target),
    schema: crossplaneObjectSchema,
  });
}

/** API discovery for one group/version. */
export function getApiResources(call: CallContext & { group: string; version: string }): Promise<ApiResourceList> {
  return apiRequest(call.host, {
    system: 'crossplane',
    instance: call.instance,
    path: groupVersionPath(call.group, call.version),
    schema: apiResourceListSchema,
    signal: call.signal,
  });
}

/** The plural and scope serving `kind`; subresources (`x/status`) are skipped. */
export function resourceTypeFor(resources: ApiResourceList, kind: string): ResourceType | undefined {
  const found = resources.resources?.find((resource) => resource.kind === kind && !resource.name.includes('/'));
  return found ? { plural: found.name, namespaced: found.namespaced === true } : undefined;
}

// ---- What points where ------------------------------------------------------------------

export const NODE_ROLES = ['claim', 'composite', 'managed'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** A claim points at one XR; an XR lists its composed resources (v1: `spec`, v2: `spec.crossplane`). */
export function childRefs(object: CrossplaneObject): { role: NodeRole; refs: ObjectRef[] } {
  const spec = object.spec;
  if (spec?.resourceRef) return { role: 'composite', refs: [spec.resourceRef] };
  const refs = spec?.crossplane?.resourceRefs ?? spec?.resourceRefs ?? [];
  return { role: 'managed', refs };
}

export function compositionName(object: CrossplaneObject): string | undefined {
  return object.spec?.crossplane?.compositionRef?.name ?? object.spec?.compositionRef?.name ?? undefined;
}

// ---- Deep links into the Kubernetes dashboard (Headlamp routes) -----------------------------

/** `{ui}/c/{cluster}/customresources/{plural}.{group}/{namespace?}/{name}` (the kit's dashboard routes). */
export function resourceLink(ui: string | undefined, cluster: string, target: ObjectTarget): string | undefined {
  return dashboardLink(ui, cluster, target);
}
