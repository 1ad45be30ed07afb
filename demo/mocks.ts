import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { argoHandlers, type ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';
import { crossplaneHandlers } from '../widgets/crossplane-status/fixtures/handlers.js';
import { grafanaAlertsHandlers } from '../widgets/grafana-alerts/fixtures/handlers.js';
import { grafanaHandlers } from '../widgets/grafana-panel/fixtures/handlers.js';
import { harborHandlers } from '../widgets/harbor-vulns/fixtures/handlers.js';
import { imageTrailHandlers } from '../widgets/image-trail/fixtures/handlers.js';
import { k8sHandlers } from '../widgets/k8s-pods/fixtures/handlers.js';
import { kargoHandlers } from '../widgets/kargo-stages/fixtures/handlers.js';
import { kubecostHandlers } from '../widgets/kubecost-costs/fixtures/handlers.js';
import { tektonHandlers } from '../widgets/tekton-runs/fixtures/handlers.js';
import { temporalHandlers } from '../widgets/temporal-workflows/fixtures/handlers.js';
import { vaultHandlers } from '../widgets/vault-secrets/fixtures/handlers.js';
import { TOOL_SCENARIOS } from './tool-scenarios.js';
import type { PortalConfig } from './portal.config.js';

/** The embedded mock upstreams: one msw worker for this tab, its handlers swapped per scenario. */
export interface Mocks {
  setScenario(scenario: ArgoScenario): void;
}

/**
 * ▼ Mock upstreams per widget. A new widget adds its own fixtures' handlers here
 * (e.g. `...k8sHandlers({ scenario, base: endpoints.kubernetes.api })`).
 */
function handlers(config: PortalConfig, scenario: ArgoScenario): RequestHandler[] {
  const base = (system: string) => config.endpoints[system]?.api;
  const latencyMs = config.mockLatencyMs;
  const tools = TOOL_SCENARIOS[scenario];
  return [
    ...argoHandlers({ scenario, base: base('argocd'), latencyMs, selectorMatches: 6 }),
    ...crossplaneHandlers({ scenario: tools.crossplane, base: base('crossplane'), latencyMs }),
    ...grafanaAlertsHandlers({ scenario: tools.grafanaAlerts, base: base('grafana'), latencyMs }),
    ...grafanaHandlers({ scenario: tools.grafana, base: base('grafana'), latencyMs }),
    ...harborHandlers({ scenario: tools.harbor, base: base('harbor'), latencyMs }),
    // Harbor's artifact by tag (image-trail's tag → digest); the other tools' mocks answer the rest of its trail.
    ...imageTrailHandlers({ scenario: tools.imageTrail, bases: { harbor: base('harbor') }, latencyMs, harborOnly: true }),
    ...k8sHandlers({ scenario: tools.kubernetes, base: base('kubernetes'), latencyMs }),
    ...kargoHandlers({ scenario: tools.kargo, base: base('kargo'), latencyMs }),
    ...kubecostHandlers({ scenario: tools.kubecost, base: base('kubecost'), latencyMs }),
    ...tektonHandlers({ scenario: tools.tekton, base: base('tekton'), latencyMs }),
    ...temporalHandlers({ scenario: tools.temporal, base: base('temporal'), latencyMs }),
    ...vaultHandlers({ scenario: tools.vault, base: base('vault'), latencyMs }),
  ];
}

/** Registers the worker and waits until it answers requests: call before any widget loads data. */
export async function startMocks(config: PortalConfig, scenario: ArgoScenario): Promise<Mocks> {
  const worker = setupWorker(...handlers(config, scenario));
  await worker.start({
    quiet: true,
    // Everything that is not a tool API (the page's own modules) goes to the network untouched.
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return {
    setScenario: (next) => worker.resetHandlers(...handlers(config, next)),
  };
}
