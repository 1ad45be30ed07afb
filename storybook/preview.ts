import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { clearRequestCache } from '../widgets/kit/client.js';
import { THEMES, withPlatformHost } from './host-decorator.js';

/** The part of the Custom Elements Manifest schema read here. */
interface Manifest {
  modules?: Array<{ declarations?: Array<{ members?: Array<{ name: string; attribute?: string; readonly?: boolean }> }> }>;
}

/**
 * Stories set attributes (args named as in HTML), so a field that has an attribute is
 * already listed under "attributes", and read-only getters cannot be set at all: leave
 * both out of the properties Storybook turns into controls.
 */
function forControls(source: Manifest): Manifest {
  return {
    ...source,
    modules: source.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => !member.attribute && !member.readonly),
      })),
    })),
  };
}

/**
 * custom-elements.json is generated (`npm run cem`, run before `storybook` and
 * `build-storybook`) and gitignored. A glob import, unlike a plain import, still
 * type-checks and builds when it is missing: the stories then only lack the
 * manifest's controls and docs.
 */
const manifests = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['../custom-elements.json'];
if (manifest) setCustomElementsManifest(forControls(manifest));
else console.warn('custom-elements.json not found: run `npm run cem` for controls and docs from the manifest.');

/** One worker for the page; msw 3 calls the old `onUnhandledRequest` `onUnhandledFrame`. */
async function startWorker(): Promise<SetupWorker> {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    // Relative in the static build (base './'), so it also works below a sub-path.
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return worker;
}

/** Manifest rows that document the element but are not set through the story's args. */
const DOCUMENTATION_ONLY = new Set(['properties', 'events', 'slots', 'css shadow parts', 'css custom properties']);

const preview: Preview = {
  // mswLoader resets the handlers, then applies the story's `parameters.msw` (handlers).
  loaders: [mswLoader(startWorker)],
  beforeEach: () => {
    // The kit caches responses page-wide; every story starts without them.
    clearRequestCache();
  },
  decorators: [withPlatformHost],
  globalTypes: {
    theme: {
      description: 'Theme the host hands the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: THEMES.map((value) => ({ value, title: value === 'light' ? 'Light' : 'Dark' })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  // Stories render attributes from args; the manifest's other rows (the `host` property,
  // events, parts, CSS properties) stay in the Controls table as documentation only.
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          DOCUMENTATION_ONLY.has(String(argType.table?.category)) ? { ...argType, control: { disable: true } } : argType,
        ]),
      ),
  ],
  parameters: {
    layout: 'padded',
    // Story tests fail on any accessibility violation (axe).
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
  },
};

export default preview;
