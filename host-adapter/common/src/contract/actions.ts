import type { SystemId } from './systems.js';

/**
 * What a widget can do besides reading, each with the permission that governs it and the
 * entity annotation that names the resources it may be done on (an entity whose
 * annotation says `guestbook` grants nothing on `payments`).
 */
export const ACTIONS = {
  'argocd.application.sync': {
    system: 'argocd',
    permission: 'platform.argocd.application.sync',
    verb: 'update',
    annotation: 'argocd/app-name',
    title: 'Sync an Argo CD application',
  },
  'argocd.application.refresh': {
    system: 'argocd',
    permission: 'platform.argocd.application.refresh',
    verb: 'update',
    annotation: 'argocd/app-name',
    title: 'Ask Argo CD to re-read Git for an application',
  },
  'kargo.stage.promote': {
    system: 'kargo',
    permission: 'platform.kargo.stage.promote',
    verb: 'update',
    annotation: 'platform-widgets.io/kargo-project',
    title: 'Promote freight into a Kargo stage',
  },
  'kubernetes.pods.logs': {
    system: 'kubernetes',
    permission: 'platform.kubernetes.pods.logs',
    verb: 'read',
    annotation: 'backstage.io/kubernetes-namespace',
    title: "Read a pod's container logs",
  },
} as const satisfies Record<string, ActionDefinition>;

export interface ActionDefinition {
  system: SystemId;
  /** Permission name (a `catalog-entity` resource permission). */
  permission: string;
  verb: 'read' | 'update';
  /** The entity annotation whose value must equal the resource the call acts on. */
  annotation: string;
  title: string;
}

export type ActionId = keyof typeof ACTIONS;

export function isActionId(value: string): value is ActionId {
  return Object.hasOwn(ACTIONS, value);
}

/** The basic permission every read of a system's data needs. */
export function readPermissionName(system: SystemId): string {
  return `platform.${system}.read`;
}
