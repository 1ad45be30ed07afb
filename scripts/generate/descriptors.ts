import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WidgetDescriptor } from '../../host-adapter/common/src/contract/widget.js';

/** Every widget's descriptor (widgets/<tag>/<tag>.descriptor.ts), in tag order. */
export async function readDescriptors(root: string): Promise<WidgetDescriptor[]> {
  const descriptors: WidgetDescriptor[] = [];
  for (const folder of readdirSync(join(root, 'widgets')).sort()) {
    const file = join(root, 'widgets', folder, `${folder}.descriptor.ts`);
    if (!existsSync(file)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    const found = Object.values(module).filter((value): value is WidgetDescriptor => typeof value === 'object' && value !== null && 'tag' in value);
    if (found.length !== 1 || found[0]?.tag !== folder) throw new Error(`${folder}.descriptor.ts must export one descriptor with tag "${folder}"`);
    descriptors.push(found[0]);
  }
  return descriptors;
}

/** What the manifest adds to a mirrored attribute's description (the README has a column for it instead). */
export function annotationNote(annotations: readonly string[]): string {
  return ` Annotation: ${annotations.map((annotation) => `\`${annotation}\``).join(' or ')}.`;
}
