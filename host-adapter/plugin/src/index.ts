// The package's main entry: the plugin for the new frontend system (default export), as
// `createApp({ features: [platformWidgetsPlugin] })` or discovered by `app.packages: all`.
// The legacy frontend system's cards are in `@platform-widgets/backstage-plugin/legacy`.
export { default, widgetLoaderApi, entityWidgetCard, platformWidgetsEntityCards, serviceHealthEntityCard, badgesEntityCard } from './alpha';
export { PlatformWidgetBadge, platformWidgetBadgeColumn } from './components/PlatformWidgetBadge';
export * from './permissions';
