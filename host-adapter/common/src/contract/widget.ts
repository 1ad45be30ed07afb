import type { ActionId } from './actions.js';
import type { UpstreamCall } from './calls.js';
import type { SystemId } from './systems.js';

/** One attribute of a widget and the catalog annotations it mirrors (the first present wins). */
export interface WidgetAttribute {
  name: string;
  annotations: readonly string[];
  /** The annotation may hold a comma list (several instances or repositories): the widget takes the first item. */
  firstOfList?: boolean;
}

/**
 * Everything a widget says about itself, as plain data: the element, the adapter's annotation
 * table and card, the backend's allowlist, the README's tables and the stories read it. It lives
 * beside the widget (`widgets/<tag>/<tag>.descriptor.ts`); `npm run generate` collects them.
 */
export interface WidgetDescriptor {
  tag: string;
  system: SystemId;
  /** Card title. */
  title: string;
  /** Name of the legacy Backstage card (`EntityArgoStatusCard` …). */
  cardName: string;
  attributes: readonly WidgetAttribute[];
  /** Each group needs at least one of its annotations; the first of a group is the one suggested. */
  requires: readonly (readonly string[])[];
  /**
   * The tool's page for this resource, below its UI base: the first route whose `{attribute}`
   * segments are all set wins; a `{attribute?}` segment is left out when unset.
   */
  links?: readonly string[];
  /** The upstream calls the widget makes, per system. The backend forwards these and nothing else. */
  calls: Readonly<Partial<Record<SystemId, readonly UpstreamCall[]>>>;
  actions?: readonly ActionId[];
}

/** What a descriptor file writes; `describeWidget` adds what follows from it. */
export interface WidgetDescription extends Omit<WidgetDescriptor, 'cardName'> {
  /**
   * Catalog annotations that name the tool's instance before the project's own
   * `platform-widgets.io/<system>-instance`; false for a widget without an `instance` attribute.
   */
  instanceAnnotations?: readonly string[] | false;
}

/**
 * A widget's descriptor: the legacy card is named after the tag (`argo-status` →
 * `EntityArgoStatusCard`), and the `instance` attribute mirrors `platform-widgets.io/<system>-instance`
 * (a comma list: the first item).
 */
export function describeWidget(description: WidgetDescription): WidgetDescriptor {
  const { instanceAnnotations = [], tag, system, title, ...rest } = description;
  const pascal = description.tag.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
  const instance: WidgetAttribute[] =
    instanceAnnotations === false
      ? []
      : [{ name: 'instance', annotations: [...instanceAnnotations, `platform-widgets.io/${description.system}-instance`], firstOfList: true }];
  return { tag, system, title, cardName: `Entity${pascal}Card`, ...rest, attributes: [...description.attributes, ...instance] };
}

/** A descriptor's deep link below the UI base, as segments to encode; undefined when no route fits. */
export function linkSegments(
  descriptor: Pick<WidgetDescriptor, 'links'>,
  attributes: Readonly<Record<string, string | undefined>>,
): string[] | undefined {
  for (const route of descriptor.links ?? []) {
    const segments: string[] = [];
    let fits = true;
    for (const part of route.split('/').filter(Boolean)) {
      const slot = /^\{([a-z-]+)(\?)?\}$/.exec(part);
      if (!slot) {
        segments.push(part);
        continue;
      }
      const value = attributes[slot[1] ?? '']?.trim();
      if (value) segments.push(value);
      else if (!slot[2]) fits = false;
    }
    if (fits) return segments;
  }
  return undefined;
}

/**
 * Elements that compose the other widgets (by tag, in badge form) and call no tool themselves:
 * no system, no upstream calls, hence no descriptor. The elements package still ships them.
 */
export const COMPOSITE_TAGS = ['service-health'] as const;
