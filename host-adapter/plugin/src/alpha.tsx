import { configApiRef } from '@backstage/core-plugin-api';
import { ApiBlueprint, createFrontendPlugin, type ExtensionDefinition, type FrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasRequiredAnnotations } from './annotations';
import { readSettings } from './config';
import { widgetLoaderApiRef } from './loader';
import { loaderForSettings } from './useWidgetLoader';
import { HEALTH_WIDGETS, WIDGETS, widgetSpec, type WidgetTag } from './widgets';

/** The widget loader API: one federation instance for the whole app. */
export const widgetLoaderApi = ApiBlueprint.make({
  name: 'loader',
  params: (defineParams) =>
    defineParams({
      api: widgetLoaderApiRef,
      deps: { configApi: configApiRef },
      factory: ({ configApi }) => loaderForSettings(readSettings(configApi)),
    }),
});

/** Written out, so the published declarations need no inferred type from a nested dependency. */
type EntityCard = ExtensionDefinition;

/** An entity card (`entity-card:platform-widgets/<tag>`), shown only on entities with the annotations it needs. */
export function entityWidgetCard(widget: WidgetTag): EntityCard {
  const spec = widgetSpec(widget);
  return EntityCardBlueprint.make({
    name: widget,
    params: {
      filter: (entity) => hasRequiredAnnotations(spec, entity),
      loader: async () => {
        const { EntityPlatformWidgetCard } = await import('./components/EntityPlatformWidgetCard');
        return <EntityPlatformWidgetCard widget={widget} />;
      },
    },
  });
}

export const platformWidgetsEntityCards: EntityCard[] = WIDGETS.map((spec) => entityWidgetCard(spec.tag));

const hasAnyTool = (entity: Parameters<typeof hasRequiredAnnotations>[1]) => HEALTH_WIDGETS.some((tag) => hasRequiredAnnotations(widgetSpec(tag), entity));

/** `entity-card:platform-widgets/service-health`: the whole service in one card, for the Overview (put it first). */
export const serviceHealthEntityCard: EntityCard = EntityCardBlueprint.make({
  name: 'service-health',
  params: {
    type: 'content',
    filter: hasAnyTool,
    loader: async () => {
      const { EntityServiceHealthCard } = await import('./components/EntityServiceHealthCard');
      return <EntityServiceHealthCard />;
    },
  },
});

/**
 * `entity-card:platform-widgets/badges`: every configured tool's one-line badge, as an info card
 * (the new frontend system's entity header is a whole layout; this is the slot beside it).
 */
export const badgesEntityCard: EntityCard = EntityCardBlueprint.make({
  name: 'badges',
  params: {
    type: 'info',
    filter: hasAnyTool,
    loader: async () => {
      const { EntityPlatformBadges } = await import('./components/PlatformWidgetBadge');
      return <EntityPlatformBadges />;
    },
  },
});

/** The plugin for the new frontend system: `createApp({ features: [platformWidgetsPlugin] })`. */
const platformWidgetsPlugin: FrontendPlugin = createFrontendPlugin({
  pluginId: 'platform-widgets',
  title: 'Platform Widgets',
  extensions: [widgetLoaderApi, serviceHealthEntityCard, badgesEntityCard, ...platformWidgetsEntityCards],
});

export default platformWidgetsPlugin;
export * from './permissions';
