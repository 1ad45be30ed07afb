import type { Entity } from '@backstage/catalog-model';
import { hasRequiredAnnotations } from './annotations';
import { widgetSpec, type WidgetTag } from './widgets';

/** For `<EntitySwitch.Case if={isPlatformWidgetAvailable('argo-status')}>` in the legacy system. */
export function isPlatformWidgetAvailable(widget: WidgetTag): (entity: Entity) => boolean {
  const spec = widgetSpec(widget);
  return (entity) => hasRequiredAnnotations(spec, entity);
}
