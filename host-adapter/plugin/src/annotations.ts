import { REFRESH_INTERVAL_ANNOTATION, type WidgetSpec } from './widgets';

/** The part of a catalog entity the mapping reads. */
export interface AnnotatedEntity {
  metadata: { annotations?: Readonly<Record<string, string>> };
}

export interface MappedAttributes {
  attributes: Record<string, string>;
  /** One key per unmet requirement: the annotation to add (the first of its group). */
  missing: string[];
}

function annotationValue(entity: AnnotatedEntity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key]?.trim();
  return value ? value : undefined;
}

function firstItem(value: string): string {
  return value.split(',').map((item) => item.trim()).find(Boolean) ?? value;
}

/** True when every requirement of the widget is met: the new frontend system's card filter. */
export function hasRequiredAnnotations(spec: WidgetSpec, entity: AnnotatedEntity): boolean {
  return spec.requires.every((group) => group.some((key) => annotationValue(entity, key) !== undefined));
}

/**
 * Widget attributes from an entity's annotations, following the spec's table.
 * `defaults` (e.g. the configured refresh interval) apply unless an annotation sets the attribute.
 */
export function attributesFromAnnotations(
  spec: WidgetSpec,
  entity: AnnotatedEntity,
  defaults: Readonly<Record<string, string>> = {},
): MappedAttributes {
  const attributes: Record<string, string> = { ...defaults };
  for (const source of spec.attributes) {
    const key = source.annotations.find((candidate) => annotationValue(entity, candidate) !== undefined);
    const value = key === undefined ? undefined : annotationValue(entity, key);
    if (value !== undefined) attributes[source.name] = source.firstOfList ? firstItem(value) : value;
  }
  const refresh = annotationValue(entity, REFRESH_INTERVAL_ANNOTATION);
  if (refresh !== undefined && /^\d+$/.test(refresh)) attributes['refresh-interval'] = refresh;
  const missing = spec.requires
    .filter((group) => !group.some((key) => annotationValue(entity, key) !== undefined))
    .map((group) => group[0] ?? '');
  return { attributes, missing };
}
