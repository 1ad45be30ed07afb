import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { attributesFromAnnotations } from '../annotations';
import { useSettings } from '../host';
import { widgetSpec, type WidgetTag } from '../widgets';
import { configuredTools } from './EntityServiceHealthCard';
import { PlatformWidget } from './PlatformWidget';

export interface PlatformWidgetBadgeProps {
  widget: WidgetTag;
  /** The entity whose annotations configure the badge (a catalog table row's, say). */
  entity: Entity;
}

/**
 * A widget's one-line badge (`variant="badge"`) for an entity: the same data and requests as
 * its card. Without the annotations it needs, a dash whose tooltip names the missing key.
 */
export function PlatformWidgetBadge({ widget, entity }: PlatformWidgetBadgeProps) {
  const settings = useSettings();
  const spec = widgetSpec(widget);
  const defaults: Record<string, string> = settings.refreshInterval === undefined ? {} : { 'refresh-interval': String(settings.refreshInterval) };
  const { attributes, missing } = attributesFromAnnotations(spec, entity, defaults);
  if (missing.length > 0) {
    return <span title={`${spec.title}: not configured (add ${missing.join(', ')})`}>–</span>;
  }
  return <PlatformWidget widget={widget} attributes={attributes} entityRef={stringifyEntityRef(entity)} variant="badge" />;
}

/** The badge for the entity of the page it is on (an entity header or Overview). */
export function EntityPlatformWidgetBadge({ widget }: { widget: WidgetTag }) {
  const { entity } = useEntity();
  return <PlatformWidgetBadge widget={widget} entity={entity} />;
}

/** A badge for every tool the entity configures and the app integrates, in one wrapping row. */
export function EntityPlatformBadges() {
  const { entity } = useEntity();
  const configured = configuredTools(entity, useSettings());
  if (!configured.length) return null;
  return (
    <ul aria-label="Platform status" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '6px 8px' }}>
      {configured.map((tag) => (
        <li key={tag}>
          <PlatformWidgetBadge widget={tag} entity={entity} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A catalog table column showing one tool's badge per entity (legacy `CatalogIndexPage`
 * `columns`, or any `Table` whose rows carry `entity`).
 */
export function platformWidgetBadgeColumn<Row extends { entity: Entity }>(widget: WidgetTag, title?: string): TableColumn<Row> {
  const spec = widgetSpec(widget);
  return {
    title: title ?? spec.title,
    field: `platformWidgets.${widget}`,
    sorting: false,
    render: (row) => <PlatformWidgetBadge widget={widget} entity={row.entity} />,
  };
}
