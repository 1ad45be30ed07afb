import { createPermission, type BasicPermission, type ResourcePermission } from '@backstage/plugin-permission-common';
import { ACTIONS, readPermissionName, type ActionId } from './contract/actions.js';
import { SYSTEMS, type SystemId } from './contract/systems.js';

/** Resource type of every action permission: the catalog entity the card is on. */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

export type EntityPermission = ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>;

function actionPermission(action: ActionId): EntityPermission {
  const { permission, verb } = ACTIONS[action];
  return createPermission({ name: permission, attributes: { action: verb }, resourceType: RESOURCE_TYPE_CATALOG_ENTITY });
}

/** Sync an Argo CD application (from the Argo CD card). */
export const argocdApplicationSyncPermission = actionPermission('argocd.application.sync');
/** Ask Argo CD to re-read Git for an application. */
export const argocdApplicationRefreshPermission = actionPermission('argocd.application.refresh');
/** Promote freight into a Kargo stage. */
export const kargoStagePromotePermission = actionPermission('kargo.stage.promote');
/** Read a pod's logs from the Kubernetes card. */
export const kubernetesPodsLogsPermission = actionPermission('kubernetes.pods.logs');

/** Every action permission, keyed by the widget action name (`decide(action, …)`). */
export const PERMISSION_BY_ACTION: Readonly<Record<ActionId, EntityPermission>> = {
  'argocd.application.sync': argocdApplicationSyncPermission,
  'argocd.application.refresh': argocdApplicationRefreshPermission,
  'kargo.stage.promote': kargoStagePromotePermission,
  'kubernetes.pods.logs': kubernetesPodsLogsPermission,
};

/** Reading a system's data through the backend plugin (a basic permission: no resource). */
export const READ_PERMISSION_BY_SYSTEM: Readonly<Record<SystemId, BasicPermission>> = Object.fromEntries(
  SYSTEMS.map((system) => [system, createPermission({ name: readPermissionName(system), attributes: { action: 'read' } })]),
) as Record<SystemId, BasicPermission>;

/** Every permission of the plugin, for the permission registry and policy tooling. */
export const platformWidgetsPermissions: ReadonlyArray<EntityPermission | BasicPermission> = [
  ...Object.values(PERMISSION_BY_ACTION),
  ...Object.values(READ_PERMISSION_BY_SYSTEM),
];
