import type { ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';
import type { CrossplaneScenario } from '../widgets/crossplane-status/fixtures/handlers.js';
import type { GrafanaAlertsScenario } from '../widgets/grafana-alerts/fixtures/handlers.js';
import type { GrafanaScenario } from '../widgets/grafana-panel/fixtures/handlers.js';
import type { HarborScenario } from '../widgets/harbor-vulns/fixtures/handlers.js';
import type { ImageTrailScenario } from '../widgets/image-trail/fixtures/handlers.js';
import type { K8sScenario } from '../widgets/k8s-pods/fixtures/handlers.js';
import type { KargoScenario } from '../widgets/kargo-stages/fixtures/handlers.js';
import type { KubecostScenario } from '../widgets/kubecost-costs/fixtures/handlers.js';
import type { TektonScenario } from '../widgets/tekton-runs/fixtures/handlers.js';
import type { TemporalScenario } from '../widgets/temporal-workflows/fixtures/handlers.js';
import type { VaultScenario } from '../widgets/vault-secrets/fixtures/handlers.js';

export interface ToolScenarios {
  crossplane: CrossplaneScenario;
  grafanaAlerts: GrafanaAlertsScenario;
  grafana: GrafanaScenario;
  harbor: HarborScenario;
  imageTrail: ImageTrailScenario;
  kubernetes: K8sScenario;
  kargo: KargoScenario;
  kubecost: KubecostScenario;
  tekton: TektonScenario;
  temporal: TemporalScenario;
  vault: VaultScenario;
}

const calm: ToolScenarios = { crossplane: 'all-ready', grafanaAlerts: 'quiet', grafana: 'healthy', harbor: 'clean', imageTrail: 'in-production', kubernetes: 'healthy', kargo: 'healthy', kubecost: 'healthy', tekton: 'all-succeeded', temporal: 'healthy', vault: 'healthy' };
const troubled: ToolScenarios = { crossplane: 'v1-claim', grafanaAlerts: 'firing', grafana: 'healthy', harbor: 'mixed', imageTrail: 'in-production', kubernetes: 'problems', kargo: 'unhealthy', kubecost: 'over-requested', tekton: 'mixed', temporal: 'healthy', vault: 'metadata-denied' };

/** The page's one scenario switch, translated into each mock tool's own scenario. */
export const TOOL_SCENARIOS: Readonly<Record<ArgoScenario, ToolScenarios>> = {
  healthy: calm,
  degraded: troubled,
  'out-of-sync': troubled,
  'sync-running': { ...calm, tekton: 'running', harbor: 'scanning' },
  'sync-failed': { ...troubled, kargo: 'promotion-fails' },
  outage: { crossplane: 'outage', grafanaAlerts: 'outage', grafana: 'outage', harbor: 'outage', imageTrail: 'harbor-outage', kubernetes: 'outage', kargo: 'outage', kubecost: 'outage', tekton: 'outage', temporal: 'outage', vault: 'sealed' },
  'no-access': { crossplane: 'no-access', grafanaAlerts: 'no-access', grafana: 'no-access', harbor: 'no-access', imageTrail: 'no-access', kubernetes: 'no-access', kargo: 'no-access', kubecost: 'no-access', tekton: 'no-access', temporal: 'no-access', vault: 'no-access' },
  'sign-in': { crossplane: 'sign-in', grafanaAlerts: 'sign-in', grafana: 'sign-in', harbor: 'sign-in', imageTrail: 'sign-in', kubernetes: 'sign-in', kargo: 'sign-in', kubecost: 'sign-in', tekton: 'sign-in', temporal: 'sign-in', vault: 'sign-in' },
};
