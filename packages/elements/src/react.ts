// React wrappers (@lit/react): typed properties, including `.host`, and the widgets' events as
// props. Importing this module defines every element. `@platform-widgets/elements/react`.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { define } from '../../../widgets/kit/define.js';
import { defineKitElements } from '../../../widgets/kit/elements.js';
import { PwHost as PwHostElement } from '../../../widgets/kit/pw-host.js';
import type { PwActionDetail, PwErrorDetail, PwStateDetail, PwSummaryDetail } from '../../../widgets/kit/events.js';
import { ArgoStatus as ArgoStatusElement } from '../../../widgets/argo-status/argo-status.component.js';
import { CrossplaneStatus as CrossplaneStatusElement } from '../../../widgets/crossplane-status/crossplane-status.component.js';
import { GrafanaAlerts as GrafanaAlertsElement } from '../../../widgets/grafana-alerts/grafana-alerts.component.js';
import { GrafanaPanel as GrafanaPanelElement } from '../../../widgets/grafana-panel/grafana-panel.component.js';
import { HarborVulns as HarborVulnsElement } from '../../../widgets/harbor-vulns/harbor-vulns.component.js';
import { K8sPods as K8sPodsElement } from '../../../widgets/k8s-pods/k8s-pods.component.js';
import { KargoStages as KargoStagesElement } from '../../../widgets/kargo-stages/kargo-stages.component.js';
import { KubecostCosts as KubecostCostsElement } from '../../../widgets/kubecost-costs/kubecost-costs.component.js';
import { ServiceHealth as ServiceHealthElement } from '../../../widgets/service-health/service-health.component.js';
import { TektonRuns as TektonRunsElement } from '../../../widgets/tekton-runs/tekton-runs.component.js';
import { TemporalWorkflows as TemporalWorkflowsElement } from '../../../widgets/temporal-workflows/temporal-workflows.component.js';
import { VaultSecrets as VaultSecretsElement } from '../../../widgets/vault-secrets/vault-secrets.component.js';

/** The widgets' own events, as React props (`onPwState={(event) => event.detail.state}`). */
const events = {
  onPwState: 'pw-state' as EventName<CustomEvent<PwStateDetail>>,
  onPwSummary: 'pw-summary' as EventName<CustomEvent<PwSummaryDetail>>,
  onPwError: 'pw-error' as EventName<CustomEvent<PwErrorDetail>>,
  onPwAction: 'pw-action' as EventName<CustomEvent<PwActionDetail>>,
};

defineKitElements();
define('argo-status', ArgoStatusElement);
define('crossplane-status', CrossplaneStatusElement);
define('grafana-alerts', GrafanaAlertsElement);
define('grafana-panel', GrafanaPanelElement);
define('harbor-vulns', HarborVulnsElement);
define('k8s-pods', K8sPodsElement);
define('kargo-stages', KargoStagesElement);
define('kubecost-costs', KubecostCostsElement);
define('service-health', ServiceHealthElement);
define('tekton-runs', TektonRunsElement);
define('temporal-workflows', TemporalWorkflowsElement);
define('vault-secrets', VaultSecretsElement);

export const PwHost = createComponent({ tagName: 'pw-host', elementClass: PwHostElement, react: React });
export const ArgoStatus = createComponent({ tagName: 'argo-status', elementClass: ArgoStatusElement, react: React, events });
export const CrossplaneStatus = createComponent({ tagName: 'crossplane-status', elementClass: CrossplaneStatusElement, react: React, events });
export const GrafanaAlerts = createComponent({ tagName: 'grafana-alerts', elementClass: GrafanaAlertsElement, react: React, events });
export const GrafanaPanel = createComponent({ tagName: 'grafana-panel', elementClass: GrafanaPanelElement, react: React, events });
export const HarborVulns = createComponent({ tagName: 'harbor-vulns', elementClass: HarborVulnsElement, react: React, events });
export const K8sPods = createComponent({ tagName: 'k8s-pods', elementClass: K8sPodsElement, react: React, events });
export const KargoStages = createComponent({ tagName: 'kargo-stages', elementClass: KargoStagesElement, react: React, events });
export const KubecostCosts = createComponent({ tagName: 'kubecost-costs', elementClass: KubecostCostsElement, react: React, events });
export const ServiceHealth = createComponent({ tagName: 'service-health', elementClass: ServiceHealthElement, react: React, events: { onPwState: events.onPwState } });
export const TektonRuns = createComponent({ tagName: 'tekton-runs', elementClass: TektonRunsElement, react: React, events });
export const TemporalWorkflows = createComponent({ tagName: 'temporal-workflows', elementClass: TemporalWorkflowsElement, react: React, events });
export const VaultSecrets = createComponent({ tagName: 'vault-secrets', elementClass: VaultSecretsElement, react: React, events });

export type { PlatformHost, Endpoint, SystemId } from '../../../widgets/kit/host.js';
export type { PwActionDetail, PwErrorDetail, PwStateDetail, PwSummaryDetail } from '../../../widgets/kit/events.js';
