import type { WidgetDescriptor } from './host.js';

/** What a "not configured" message needs of a widget's descriptor. */
export type Described = Pick<WidgetDescriptor, 'attributes' | 'requires'>;

/** The annotations an attribute mirrors, as a "not configured" message names them: `a or b`. */
export function annotationsOf(descriptor: Described, attribute: string): string {
  return descriptor.attributes.find((entry) => entry.name === attribute)?.annotations.join(' or ') ?? '';
}

/** `name (annotation a)`: an attribute and where the catalog sets it, from the widget's descriptor. */
export function attributeHint(descriptor: Described, attribute: string): string {
  const annotations = annotationsOf(descriptor, attribute);
  return annotations ? `${attribute} (annotation ${annotations})` : attribute;
}

/**
 * "Set a (annotation x) or b (annotation y)." for each required group of the descriptor none of
 * whose attributes is set, joined with "and"; undefined when every group has one.
 */
export function missingRequired(descriptor: Described, isSet: (attribute: string) => boolean): string | undefined {
  const missing = descriptor.requires
    .map((group) => [...new Set(descriptor.attributes.filter((entry) => entry.annotations.some((key) => group.includes(key))).map((entry) => entry.name))])
    .filter((names) => names.length > 0 && !names.some(isSet))
    .map((names) => names.map((name) => attributeHint(descriptor, name)).join(' or '));
  return missing.length ? `Set ${missing.join(' and ')}.` : undefined;
}
