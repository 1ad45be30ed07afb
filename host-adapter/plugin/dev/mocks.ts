import { setupWorker } from 'msw/browser';
import { argoHandlers } from '@platform-widgets/widgets/argo-status/fixtures/handlers.js';
import { kargoHandlers } from '@platform-widgets/widgets/kargo-stages/fixtures/handlers.js';
import { vaultHandlers } from '@platform-widgets/widgets/vault-secrets/fixtures/handlers.js';
import { temporalHandlers } from '@platform-widgets/widgets/temporal-workflows/fixtures/handlers.js';
import { tektonHandlers } from '@platform-widgets/widgets/tekton-runs/fixtures/handlers.js';
import { crossplaneHandlers } from '@platform-widgets/widgets/crossplane-status/fixtures/handlers.js';
import { grafanaAlertsHandlers } from '@platform-widgets/widgets/grafana-alerts/fixtures/handlers.js';
import { harborHandlers } from '@platform-widgets/widgets/harbor-vulns/fixtures/handlers.js';
import { k8sHandlers } from '@platform-widgets/widgets/k8s-pods/fixtures/handlers.js';
import { DEV_SYSTEMS } from './app-config.js';

/** The tools' APIs, answered in the page by msw at the Backstage proxy paths: no network. */
export async function startToolMocks(proxyBase: string): Promise<void> {
  const base = (system: keyof typeof DEV_SYSTEMS) => `${proxyBase}${DEV_SYSTEMS[system].proxyPath}`;
  const worker = setupWorker(
    ...argoHandlers({ base: base('argocd') }),
    ...kargoHandlers({ base: base('kargo') }),
    ...vaultHandlers({ base: base('vault') }),
    ...temporalHandlers({ base: base('temporal') }),
    ...tektonHandlers({ base: base('tekton') }),
    ...crossplaneHandlers({ base: base('crossplane') }),
    ...grafanaAlertsHandlers({ base: base('grafana') }),
    ...harborHandlers({ base: base('harbor') }),
    // The sample entity's Kubernetes annotations are the Tekton fixtures' (team-checkout/checkout).
    ...k8sHandlers({ base: base('kubernetes'), alias: { namespace: 'team-checkout', kubernetesId: 'checkout' } }),
  );
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
}
