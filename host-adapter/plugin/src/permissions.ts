// The permissions live in the common package, shared with the backend plugin that enforces them.
export {
  RESOURCE_TYPE_CATALOG_ENTITY,
  argocdApplicationSyncPermission,
  argocdApplicationRefreshPermission,
  kargoStagePromotePermission,
  kubernetesPodsLogsPermission,
  PERMISSION_BY_ACTION,
  READ_PERMISSION_BY_SYSTEM,
  platformWidgetsPermissions,
} from '@platform-widgets/backstage-plugin-common';
