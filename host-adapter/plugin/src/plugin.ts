import { configApiRef, createApiFactory, createComponentExtension, createPlugin } from '@backstage/core-plugin-api';
import { readSettings } from './config';
import { widgetLoaderApiRef } from './loader';
import { loaderForSettings } from './useWidgetLoader';
import { widgetSpec, type WidgetTag } from './widgets';

/** The widget loader as an app API: one federation instance for the whole app. */
export const widgetLoaderApiFactory = createApiFactory({
  api: widgetLoaderApiRef,
  deps: { configApi: configApiRef },
  factory: ({ configApi }) => loaderForSettings(readSettings(configApi)),
});

/** The plugin for the legacy frontend system (`createApp` from @backstage/app-defaults). */
export const platformWidgetsPlugin = createPlugin({
  id: 'platform-widgets',
  apis: [widgetLoaderApiFactory],
});

/** A widget's card for `EntityPage.tsx` (the named cards are in legacy-cards.ts). */
export const entityCard = (widget: WidgetTag) =>
  platformWidgetsPlugin.provide(
    createComponentExtension({
      name: widgetSpec(widget).cardName,
      component: { lazy: () => import('./components/EntityPlatformWidgetCard').then((module) => module.cardFor(widget)) },
    }),
  );

/** The whole service in one card (every configured tool, worst first): the Overview's first card. */
export const EntityServiceHealthCard = platformWidgetsPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceHealthCard',
    component: { lazy: () => import('./components/EntityServiceHealthCard').then((module) => module.EntityServiceHealthCard) },
  }),
);

/** Every configured tool's one-line badge, for the entity header or the Overview. */
export const EntityPlatformBadges = platformWidgetsPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformBadges',
    component: { lazy: () => import('./components/PlatformWidgetBadge').then((module) => module.EntityPlatformBadges) },
  }),
);
