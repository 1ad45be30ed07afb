// Part of `npm run cem`: after the analyzer wrote custom-elements.json from the components' JSDoc,
// adds to each mirrored attribute the catalog annotations its widget's descriptor names (and its
// system where the kit's description says `<system>`), so
// Storybook's docs and editors show them without the JSDoc repeating the descriptor.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotationNote, readDescriptors } from './descriptors.js';

interface ManifestAttribute {
  name: string;
  description?: string;
}
interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: ManifestAttribute[] }[] }[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const file = join(root, 'custom-elements.json');
const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const descriptors = new Map((await readDescriptors(root)).map((descriptor) => [descriptor.tag, descriptor]));
for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  const descriptor = declaration.tagName ? descriptors.get(declaration.tagName) : undefined;
  for (const attribute of descriptor ? (declaration.attributes ?? []) : []) {
    // Descriptions inherited from the kit say `<system>`: each widget names its own.
    attribute.description = attribute.description?.replaceAll('<system>', descriptor?.system ?? '<system>');
    const mirrored = descriptor?.attributes.find((entry) => entry.name === attribute.name);
    if (mirrored) attribute.description = `${attribute.description ?? ''}${annotationNote(mirrored.annotations)}`.trim();
  }
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
