import { endpointKey, toWidgetError, type PlatformHost } from '../kit/index.js';
import type { Limiter } from '../kit/index.js';
import {
  childRefs,
  getApiResources,
  getObject,
  parseApiVersion,
  resourceTypeFor,
  type ApiResourceList,
  type CrossplaneObject,
  type NodeRole,
  type ObjectRef,
  type ObjectTarget,
  type ResourceType,
} from './crossplane-status.api.js';
import { deriveStatus, type Derived } from './crossplane-status.status.js';

/** Claim → XR → managed resources, and nested XRs below them up to this depth. */
export const MAX_DEPTH = 4;
/** Children fetched at once: a large XR must not open dozens of requests in parallel. */
export const CHILD_CONCURRENCY = 6;

/** One row of the tree. Without `object`, `problem` says why the row could not be read. */
export interface TreeNode {
  role: NodeRole;
  depth: number;
  apiVersion: string;
  kind: string;
  name: string;
  /** Where the object lives; set as soon as its plural is known (also for unreadable rows, for the link). */
  target?: ObjectTarget;
  object?: CrossplaneObject;
  derived?: Derived;
  problem?: string;
  children: TreeNode[];
}

export interface CrossplaneTree {
  root: TreeNode;
}

interface LoadTreeOptions {
  host: PlatformHost;
  instance?: string;
  signal: AbortSignal;
  fresh: boolean;
  limit: Limiter;
  discovery: DiscoveryCache;
}

/**
 * One discovery request per group/version for the widget's lifetime. A failed
 * lookup is forgotten, so the next refresh asks again.
 */
export class DiscoveryCache {
  private readonly entries = new Map<string, Promise<ApiResourceList>>();

  resolve(options: LoadTreeOptions, group: string, version: string, kind: string): Promise<ResourceType | undefined> {
    const key = `${endpointKey('crossplane', options.instance)}|${group}/${version}`;
    let entry = this.entries.get(key);
    if (!entry) {
      // No abort signal: the answer outlives the load that asked first.
      entry = options.limit(() => getApiResources({ host: options.host, instance: options.instance, group, version }));
      this.entries.set(key, entry);
      const forget = () => this.entries.get(key) === entry && this.entries.delete(key);
      void entry.catch(forget);
    }
    return entry.then((resources) => resourceTypeFor(resources, kind));
  }
}

/** The one line a row shows when its object cannot be read. */
export function childProblem(error: unknown): string {
  const failure = toWidgetError(error);
  switch (failure.kind) {
    case 'forbidden':
      return 'No access to this resource (HTTP 403)';
    case 'not-found':
      return 'Not found: deleted, or not created yet (HTTP 404)';
    case 'timeout':
      return 'No answer in time';
    default:
      return failure.reason;
  }
}

function rethrowIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

function roleOf(object: CrossplaneObject, fallback: NodeRole): NodeRole {
  const spec = object.spec;
  if (spec?.resourceRef) return 'claim';
  if (spec?.resourceRefs?.length || spec?.crossplane) return 'composite';
  return fallback;
}

/** v1 claims are namespaced and v1 XRs cluster-scoped; a v2 XR carries `spec.crossplane`. */
function rootRole(object: CrossplaneObject, target: ObjectTarget): NodeRole {
  return roleOf(object, target.namespace && !object.spec?.crossplane ? 'claim' : 'composite');
}

async function expand(options: LoadTreeOptions, node: TreeNode): Promise<void> {
  if (!node.object || node.depth >= MAX_DEPTH) return;
  const { refs } = childRefs(node.object);
  node.children = await Promise.all(refs.map((ref) => loadChild(options, ref, node)));
}

async function loadChild(options: LoadTreeOptions, ref: ObjectRef, parent: TreeNode): Promise<TreeNode> {
  const node: TreeNode = {
    role: parent.role === 'claim' ? 'composite' : 'managed',
    depth: parent.depth + 1,
    apiVersion: ref.apiVersion ?? '',
    kind: ref.kind ?? 'Unknown kind',
    name: ref.name ?? 'unnamed',
    children: [],
  };
  const groupVersion = ref.apiVersion ? parseApiVersion(ref.apiVersion) : undefined;
  if (!groupVersion || !ref.kind || !ref.name) {
    return { ...node, problem: 'Incomplete reference: apiVersion, kind and name are needed' };
  }
  let type: ResourceType | undefined;
  try {
    type = await options.discovery.resolve(options, groupVersion.group, groupVersion.version, ref.kind);
  } catch (error) {
    rethrowIfAborted(options.signal);
    const notServed = toWidgetError(error).kind === 'not-found';
    const problem = notServed
      ? `${ref.apiVersion} is not served by this cluster (API discovery: HTTP 404)`
      : `API discovery of ${ref.apiVersion} failed: ${childProblem(error)}`;
    return { ...node, problem };
  }
  if (!type) return { ...node, problem: `Kind ${ref.kind} is not served by ${ref.apiVersion} (API discovery)` };
  const namespace = type.namespaced ? (ref.namespace ?? parent.target?.namespace ?? undefined) : undefined;
  node.target = { ...groupVersion, plural: type.plural, name: ref.name, namespace };
  if (type.namespaced && !namespace) return { ...node, problem: 'Namespaced kind, but the reference names no namespace' };
  try {
    const target = node.target;
    node.object = await options.limit(() =>
      getObject({ host: options.host, instance: options.instance, signal: options.signal, fresh: options.fresh, target }),
    );
  } catch (error) {
    rethrowIfAborted(options.signal);
    return { ...node, problem: childProblem(error) };
  }
  node.role = roleOf(node.object, node.role);
  node.derived = deriveStatus(node.object);
  await expand(options, node);
  return node;
}

/** Reads the root (its failure fails the widget), then every child (each failure stays in its row). */
export async function loadTree(options: LoadTreeOptions & { target: ObjectTarget }): Promise<CrossplaneTree> {
  const { target } = options;
  const object = await getObject({ host: options.host, instance: options.instance, signal: options.signal, fresh: options.fresh, target });
  const root: TreeNode = {
    role: rootRole(object, target),
    depth: 0,
    apiVersion: object.apiVersion ?? `${target.group}/${target.version}`,
    kind: object.kind ?? target.plural,
    name: object.metadata.name,
    target,
    object,
    derived: deriveStatus(object),
    children: [],
  };
  await expand(options, root);
  return { root };
}

/** Depth-first, as the rows are shown. */
export function flatten(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

export interface RollUp {
  total: number;
  ready: number;
  errors: number;
  paused: number;
  unreadable: number;
}

export function rollUp(tree: CrossplaneTree): RollUp {
  const nodes = flatten(tree.root);
  const count = (predicate: (node: TreeNode) => boolean) => nodes.filter(predicate).length;
  return {
    total: nodes.length,
    ready: count((node) => node.derived?.status === 'Ready'),
    errors: count((node) => node.derived?.status === 'Error'),
    paused: count((node) => node.derived?.status === 'Paused'),
    unreadable: count((node) => node.problem !== undefined),
  };
}
