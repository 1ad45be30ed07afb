// Custom Elements Manifest for the library: `npm run cem` writes custom-elements.json
// (gitignored) from the JSDoc on the widgets and the kit's elements. Storybook reads it
// for args, controls and docs (storybook/preview.ts); editors can read it for hints.

import { existsSync } from 'node:fs';
import { posix } from 'node:path';

/** Imports name the emitted `.js`; the manifest's modules are the `.ts` sources. */
function sourcePath(path) {
  return path.endsWith('.js') && existsSync(`${path.slice(0, -3)}.ts`) ? `${path.slice(0, -3)}.ts` : path;
}

/**
 * The widgets register their tags through the kit's `define('tag', Class)` (it tolerates
 * loading twice), which the analyzer does not know: it only sees `customElements.define`.
 * This plugin records those calls as custom-element definitions, so each class gets its
 * `tagName` and the analyzer links the element to the tag.
 *
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function kitDefineCalls() {
  return {
    name: 'platform-widgets: define(tag, Class)',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const name = klass.text;
      /** @type {{ name: string; importPath: string; isBareModuleSpecifier: boolean }[]} */
      const imports = context?.imports ?? [];
      const imported = imports.find((entry) => entry.name === name);
      const where = !imported
        ? { module: moduleDoc.path }
        : imported.isBareModuleSpecifier
          ? { package: imported.importPath }
          : { module: sourcePath(posix.join(posix.dirname(moduleDoc.path), imported.importPath)) };
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name, ...where } },
      ];
    },
  };
}

/**
 * Private and protected members, and statics such as `styles`, are not part of an
 * element's public API: leaving them out keeps Storybook's controls and docs to what
 * a page can actually set.
 *
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function publicApiOnly() {
  return {
    name: 'platform-widgets: public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' || !Array.isArray(declaration.members)) continue;
          declaration.members = declaration.members.filter(
            (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
    },
  };
}

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: [
    'widgets/**/*.component.ts',
    'widgets/kit/*.ts',
    // The tiny files that define a widget's tag (widgets/<name>/<name>.ts).
    'widgets/*/*.ts',
  ],
  exclude: [
    '**/*.test.ts',
    '**/*.stories.ts',
    '**/fixtures/**',
    '**/testing/**',
    'widgets/*/*.api.ts',
    'widgets/*/*.styles.ts',
    'widgets/index.ts',
    'widgets/embed.ts',
    // Holds the `customElements.define(tag, element)` behind define(): no element of its own.
    'widgets/kit/define.ts',
  ],
  outdir: '.',
  litelement: true,
  // Do not rewrite package.json on every run.
  packagejson: false,
  plugins: [kitDefineCalls(), publicApiOnly()],
};
