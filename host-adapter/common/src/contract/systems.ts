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

export function isSystemId(value: string): value is SystemId {
  return (SYSTEMS as readonly string[]).includes(value);
}

/** `argocd` or `argocd:prod` → the system and the named instance, if any. */
export function parseEndpointKey(key: string): { system: SystemId; instance: string | undefined } | undefined {
  const at = key.indexOf(':');
  const system = at < 0 ? key : key.slice(0, at);
  const instance = at < 0 ? undefined : key.slice(at + 1);
  if (!isSystemId(system) || instance === '' || (instance !== undefined && !/^[A-Za-z0-9._-]+$/.test(instance))) return undefined;
  return { system, instance };
}

export function endpointKey(system: SystemId, instance?: string | null): string {
  return instance ? `${system}:${instance}` : system;
}
