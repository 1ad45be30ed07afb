import type { ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';
import type { CrossplaneScenario } from '../widgets/crossplane-status/fixtures/handlers.js';
import type { GrafanaAlertsScenario } from '../widgets/grafana-alerts/fixtures/handlers.js';
import type { KargoScenario } from '../widgets/kargo-stages/fixtures/handlers.js';
import type { KubecostScenario } from '../widgets/kubecost-costs/fixtures/handlers.js';
import type { TektonScenario } from '../widgets/tekton-runs/fixtures/handlers.js';
import type { TemporalScenario } from '../widgets/temporal-workflows/fixtures/handlers.js';
import type { VaultScenario } from '../widgets/vault-secrets/fixtures/handlers.js';

export interface ToolScenarios {
  crossplane: CrossplaneScenario;
  grafanaAlerts: GrafanaAlertsScenario;
  kargo: KargoScenario;
  kubecost: KubecostScenario;
  tekton: TektonScenario;
  temporal: TemporalScenario;
  vault: VaultScenario;
}

const calm: ToolScenarios = { crossplane: 'all-ready', grafanaAlerts: 'quiet', kargo: 'healthy', kubecost: 'healthy', tekton: 'all-succeeded', temporal: 'healthy', vault: 'healthy' };
const troubled: ToolScenarios = { crossplane: 'v1-claim', grafanaAlerts: 'firing', kargo: 'unhealthy', kubecost: 'healthy', tekton: 'mixed', temporal: 'healthy', vault: 'metadata-denied' };

/** The page's one scenario switch, translated into each mock tool's own scenario. */
export const TOOL_SCENARIOS: Readonly<Record<ArgoScenario, ToolScenarios>> = {
  healthy: calm,
  degraded: troubled,
  'out-of-sync': troubled,
  'sync-running': { ...calm, tekton: 'running' },
  'sync-failed': { ...troubled, kargo: 'promotion-fails' },
  outage: { crossplane: 'outage', grafanaAlerts: 'outage', kargo: 'outage', kubecost: 'outage', tekton: 'outage', temporal: 'outage', vault: 'sealed' },
  'no-access': { crossplane: 'no-access', grafanaAlerts: 'no-access', kargo: 'no-access', kubecost: 'no-access', tekton: 'no-access', temporal: 'no-access', vault: 'no-access' },
  'sign-in': { crossplane: 'sign-in', grafanaAlerts: 'sign-in', kargo: 'sign-in', kubecost: 'sign-in', tekton: 'sign-in', temporal: 'sign-in', vault: 'sign-in' },
};
