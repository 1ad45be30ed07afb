// The legacy frontend system: `createPlugin` and the entity cards for `EntityPage.tsx`
// (`@platform-widgets/backstage-plugin/legacy`).
export { platformWidgetsPlugin, widgetLoaderApiFactory, EntityServiceHealthCard, EntityPlatformBadges } from './plugin';
export * from './legacy-cards';
export { PlatformWidgetBadge, EntityPlatformWidgetBadge, platformWidgetBadgeColumn, type PlatformWidgetBadgeProps } from './components/PlatformWidgetBadge';
export { PlatformWidget, type PlatformWidgetProps } from './components/PlatformWidget';
export { EntityPlatformWidgetCard, type EntityPlatformWidgetCardProps } from './components/EntityPlatformWidgetCard';
export { DeepLinkFallback } from './components/DeepLinkFallback';
export * from './permissions';
export { attributesFromAnnotations, hasRequiredAnnotations, type MappedAttributes } from './annotations';
export { HEALTH_WIDGETS, SERVICE_HEALTH_TAG } from './widgets';
export { WIDGETS, WIDGET_TAGS, widgetSpec, REFRESH_INTERVAL_ANNOTATION, type WidgetSpec, type WidgetTag, type AttributeSource } from './widgets';
export { widgetLoaderApiRef, createRemoteLoader, REMOTE_NAME, type WidgetLoader, type LoadResult } from './loader';
export { usePlatformHost, themeMode } from './host';
export { isPlatformWidgetAvailable } from './available';
