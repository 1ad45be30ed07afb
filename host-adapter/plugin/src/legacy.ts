// The legacy frontend system: `createPlugin` and the entity cards for `EntityPage.tsx`
// (`@platform-widgets/backstage-plugin/legacy`).
export {
  platformWidgetsPlugin,
  widgetLoaderApiFactory,
  EntityArgoStatusCard,
  EntityK8sPodsCard,
  EntityHarborVulnsCard,
  EntityGrafanaPanelCard,
  EntityGrafanaAlertsCard,
  EntityCrossplaneStatusCard,
  EntityKargoStagesCard,
  EntityTemporalWorkflowsCard,
  EntityKubecostCostsCard,
  EntityTektonRunsCard,
  EntityVaultSecretsCard,
} from './plugin.js';
export { PlatformWidget, type PlatformWidgetProps } from './components/PlatformWidget.js';
export { EntityPlatformWidgetCard, type EntityPlatformWidgetCardProps } from './components/EntityPlatformWidgetCard.js';
export { DeepLinkFallback } from './components/DeepLinkFallback.js';
export * from './permissions.js';
export { attributesFromAnnotations, hasRequiredAnnotations, type MappedAttributes } from './annotations.js';
export { WIDGETS, WIDGET_TAGS, widgetSpec, REFRESH_INTERVAL_ANNOTATION, type WidgetSpec, type WidgetTag, type AttributeSource } from './widgets.js';
export { widgetLoaderApiRef, createRemoteLoader, REMOTE_NAME, type WidgetLoader, type LoadResult } from './loader.js';
export { usePlatformHost, themeMode } from './host.js';
export { isPlatformWidgetAvailable } from './available.js';
