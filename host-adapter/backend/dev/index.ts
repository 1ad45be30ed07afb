import { createBackend } from '@backstage/backend-defaults';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import platformWidgetsPlugin from '../src/index.js';
import { devAuthModule } from './auth-provider.js';
import { devPolicyModule } from './policy.js';

// Ports and the tool it talks to; a stand-in Argo CD is started here unless ARGOCD_URL is given.
process.env['PW_BACKEND_PORT'] ??= '7007';
process.env['PW_DEV_APP_PORT'] ??= '5188';
process.env['ARGOCD_TOKEN'] ??= 'dev-argocd-token';
if (!process.env['ARGOCD_URL']) {
  // Not imported statically: the stand-in serves the widgets' own fixtures, which are type-checked
  // with the widgets (DOM, decorators) in the root project, not in this Node-only package.
  const devTools = './dev-tools.js';
  const { startDevTools } = (await import(devTools)) as { startDevTools: (port: number) => Promise<{ argocdUrl: string }> };
  const tools = await startDevTools(Number(process.env['PW_DEV_TOOL_PORT'] ?? 7009));
  process.env['ARGOCD_URL'] = tools.argocdUrl;
}

const backend = createBackend();
backend.add(authPlugin.default);
backend.add(devAuthModule);
backend.add(catalogPlugin.default);
backend.add(permissionPlugin.default);
backend.add(devPolicyModule);
backend.add(platformWidgetsPlugin);
await backend.start();
