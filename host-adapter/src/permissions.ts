import { createPermission, type ResourcePermission } from '@backstage/plugin-permission-common';

/** Resource type of every permission here: the catalog entity the card is on. */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

type EntityPermission = ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>;

const entityPermission = (name: string, action: 'update' | 'read'): EntityPermission =>
  createPermission({ name, attributes: { action }, resourceType: RESOURCE_TYPE_CATALOG_ENTITY });

/** Sync an Argo CD application (from the Argo CD card). */
export const argocdApplicationSyncPermission = entityPermission('platform.argocd.application.sync', 'update');
/** Ask Argo CD to re-read Git for an application. */
export const argocdApplicationRefreshPermission = entityPermission('platform.argocd.application.refresh', 'update');
/** Promote freight into a Kargo stage. */
export const kargoStagePromotePermission = entityPermission('platform.kargo.stage.promote', 'update');
/** Read a pod's logs from the Kubernetes card. */
export const kubernetesPodsLogsPermission = entityPermission('platform.kubernetes.pods.logs', 'read');

/** Every permission the widgets can ask for, keyed by the widget action name (`decide(action, …)`). */
export const PERMISSION_BY_ACTION: Readonly<Record<string, EntityPermission>> = {
  'argocd.application.sync': argocdApplicationSyncPermission,
  'argocd.application.refresh': argocdApplicationRefreshPermission,
  'kargo.stage.promote': kargoStagePromotePermission,
  'kubernetes.pods.logs': kubernetesPodsLogsPermission,
};

/** For a permission backend's `permissionIntegrationRouter` / policy listing. */
export const platformWidgetsPermissions: readonly EntityPermission[] = Object.values(PERMISSION_BY_ACTION);
