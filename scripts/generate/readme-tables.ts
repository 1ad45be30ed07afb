import type { WidgetDescriptor } from '../../host-adapter/common/src/contract/widget.js';
import { annotationNote } from './descriptors.js';

export type ManifestAttributes = Map<string, readonly { name: string; description?: string }[]>;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');

/** Whether the attribute is required: "yes", or "yes, or …" naming the attributes that may stand in for it. */
function requirement(descriptor: WidgetDescriptor, annotations: readonly string[]): string {
  const groups = descriptor.requires.filter((group) => group.some((key) => annotations.includes(key)));
  if (groups.length === 0) return '';
  const others = groups.flatMap((group) => group.filter((key) => !annotations.includes(key)));
  const names = others.map((key) => descriptor.attributes.find((attribute) => attribute.annotations.includes(key))?.name ?? key);
  return names.length ? `yes, or ${code([...new Set(names)])}` : 'yes';
}

/** Attributes every widget takes, described once above the tables. */
const COMMON = new Set(['refresh-interval', 'theme']);

/** One table per widget: its attributes, the annotations they mirror, whether required, what they mean. */
export function attributeTables(descriptors: readonly WidgetDescriptor[], manifest: ManifestAttributes): string {
  const sections = descriptors.map((descriptor) => {
    const described = new Map((manifest.get(descriptor.tag) ?? []).map((attribute) => [attribute.name, attribute.description ?? '']));
    const mirrored = new Set(descriptor.attributes.map((attribute) => attribute.name));
    const rows = [
      ...descriptor.attributes.map(
        (attribute) =>
          `| \`${attribute.name}\` | ${code(attribute.annotations)} | ${requirement(descriptor, attribute.annotations)} | ${cell((described.get(attribute.name) ?? '').replace(annotationNote(attribute.annotations), ''))} |`,
      ),
      ...[...described]
        .filter(([name]) => !mirrored.has(name) && !COMMON.has(name))
        .map(([name, description]) => `| \`${name}\` | | | ${cell(description)} |`),
    ];
    const extra = descriptor.requires.filter((group) => !group.some((key) => descriptor.attributes.some((attribute) => attribute.annotations.includes(key))));
    const note = extra.length ? `\nAlso required on the entity: ${extra.map((group) => code(group)).join('; ')}.\n` : '';
    return `#### \`<${descriptor.tag}>\` — ${descriptor.title}\n\n| attribute | annotation it mirrors | required | meaning |\n|---|---|---|---|\n${rows.join('\n')}\n${note}`;
  });
  return `${sections.join('\n')}\n`;
}
