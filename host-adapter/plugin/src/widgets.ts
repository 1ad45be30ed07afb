import {
  type COMPOSITE_TAGS,
  WIDGET_DESCRIPTORS,
  type WidgetAttribute,
  type WidgetDescriptor,
  type WidgetTag,
} from '@platform-widgets/backstage-plugin-common';

/**
 * One widget of the remote, as the entity card sees it: its descriptor (`widgets/<tag>/<tag>.descriptor.ts`),
 * which holds the one table that maps catalog annotations to widget attributes. Keys follow the
 * existing Backstage plugins (Roadie/community Argo CD, Kubernetes, Grafana, Harbor, Vault, Tekton,
 * Kubecost, TeraSky Crossplane) so a catalog needs no re-annotation; tools without a plugin use the
 * `platform-widgets.io/` prefix.
 */
export type WidgetSpec = WidgetDescriptor;
/** Where one widget attribute comes from: the first annotation present wins. */
export type AttributeSource = WidgetAttribute;
export type { WidgetTag };

export const WIDGETS = WIDGET_DESCRIPTORS;

export const WIDGET_TAGS: readonly WidgetTag[] = WIDGET_DESCRIPTORS.map((spec) => spec.tag);

export function widgetSpec(tag: WidgetTag): WidgetSpec {
  const spec: WidgetSpec | undefined = WIDGETS.find((candidate) => candidate.tag === tag);
  if (!spec) throw new Error(`Unknown widget ${tag}`);
  return spec;
}

/** Annotation every card accepts: seconds between refreshes for this entity. */
export const REFRESH_INTERVAL_ANNOTATION = 'platform-widgets.io/refresh-interval';

/** The roll-up's tag: it composes the tools' badges and has no system (and no descriptor) of its own. */
export const SERVICE_HEALTH_TAG: (typeof COMPOSITE_TAGS)[number] = 'service-health';

/** Widgets that report a state, shown as badges and in the roll-up (a dashboard panel is not a state). */
export const HEALTH_WIDGETS: readonly WidgetTag[] = WIDGET_TAGS.filter((tag) => tag !== 'grafana-panel');
