import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { attributesFromAnnotations } from '../annotations';
import { useSettings } from '../host';
import { widgetSpec, type WidgetTag } from '../widgets';
import { PlatformWidget } from './PlatformWidget';

export interface EntityPlatformWidgetCardProps {
  widget: WidgetTag;
  /** Card title (default: the tool's name). */
  title?: string;
}

/**
 * An entity page card: the entity's annotations become the widget's attributes; a
 * missing annotation shows Backstage's empty state naming the key to add.
 */
export function EntityPlatformWidgetCard({ widget, title }: EntityPlatformWidgetCardProps) {
  const { entity } = useEntity();
  const settings = useSettings();
  const spec = widgetSpec(widget);
  const defaults: Record<string, string> = settings.refreshInterval === undefined ? {} : { 'refresh-interval': String(settings.refreshInterval) };
  const { attributes, missing } = attributesFromAnnotations(spec, entity, defaults);
  const cardTitle = title ?? spec.title;

  if (missing.length > 0) {
    return (
      <InfoCard title={cardTitle}>
        <MissingAnnotationEmptyState annotation={missing.length === 1 ? missing[0]! : missing} />
      </InfoCard>
    );
  }
  return (
    <div id={cardAnchor(widget)}>
      <PlatformWidget widget={widget} attributes={attributes} entityRef={stringifyEntityRef(entity)} title={cardTitle} card />
    </div>
  );
}

/** The card's element id: the roll-up's lines link to it ("Full card"). */
export function cardAnchor(widget: WidgetTag): string {
  return `platform-widget-${widget}`;
}

/** A card component bound to one widget, for the extensions of both frontend systems. */
export function cardFor(widget: WidgetTag) {
  const Card = ({ title }: { title?: string }) => <EntityPlatformWidgetCard widget={widget} {...(title ? { title } : {})} />;
  Card.displayName = `${widgetSpec(widget).cardName}`;
  return Card;
}
