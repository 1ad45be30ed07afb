import '@backstage/ui/css/styles.css';
import { ConfigReader } from '@backstage/config';
import { coreExtensionData, createExtensionInput, createFrontendModule, PageBlueprint } from '@backstage/frontend-plugin-api';
import { createApp } from '@backstage/frontend-defaults';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import ReactDOM from 'react-dom/client';
import platformWidgetsPlugin from '../src/alpha.js';
import { devAppConfig, type DevBackendMode } from './app-config.js';
import { devSignInModule } from './sign-in.js';
import { DevEntityPage } from './DevEntityPage.js';
import { startToolMocks } from './mocks.js';
import { devPermissionModule } from './permissions.js';
import { sampleEntity } from './sample-entity.js';

const origin = window.location.origin;
const query = new URLSearchParams(window.location.search);
const remoteUrl = query.get('remote') ?? import.meta.env.VITE_PW_REMOTE_URL ?? `${origin}/remote/mf-manifest.json`;
const backendUrl = query.get('backend');
const backend: DevBackendMode | undefined = backendUrl ? { url: backendUrl, user: query.get('user') ?? 'alice' } : undefined;

/** The entity page: a page extension whose `cards` input takes the plugin's entity cards (attached by config). */
const devEntityPage = PageBlueprint.makeWithOverrides({
  name: 'platform-widgets-dev',
  inputs: {
    cards: createExtensionInput([coreExtensionData.reactElement, EntityCardBlueprint.dataRefs.filterFunction.optional()]),
  },
  factory(originalFactory, { inputs }) {
    const cards = inputs.cards.map((card) => ({
      id: card.node.spec.id,
      element: card.get(coreExtensionData.reactElement),
      filter: card.get(EntityCardBlueprint.dataRefs.filterFunction),
    }));
    return originalFactory({ path: '/', title: 'Dev entity', loader: () => Promise.resolve(<DevEntityPage entity={sampleEntity} cards={cards} />) });
  },
});

const devModule = createFrontendModule({ pluginId: 'app', extensions: [devEntityPage] });

const app = createApp({
  // With a backend, its permission policy decides; without one, the page's `?deny=` list.
  features: [platformWidgetsPlugin, devModule, backend ? devSignInModule(backend.user) : devPermissionModule],
  advanced: {
    configLoader: () => Promise.resolve({ config: ConfigReader.fromConfigs([{ context: 'dev-app', data: devAppConfig(origin, remoteUrl, backend) }]) }),
  },
});

await startToolMocks(`${backend?.url ?? origin}/api/proxy`);
ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
