import { configApiRef, createApiFactory, createComponentExtension, createPlugin } from '@backstage/core-plugin-api';
import { readSettings } from './config';
import { widgetLoaderApiRef } from './loader';
import { loaderForSettings } from './useWidgetLoader';
import { widgetSpec, type WidgetTag } from './widgets';

/** The widget loader as an app API: one federation instance for the whole app. */
export const widgetLoaderApiFactory = createApiFactory({
  api: widgetLoaderApiRef,
  deps: { configApi: configApiRef },
  factory: ({ configApi }) => loaderForSettings(readSettings(configApi)),
});

/** The plugin for the legacy frontend system (`createApp` from @backstage/app-defaults). */
export const platformWidgetsPlugin = createPlugin({
  id: 'platform-widgets',
  apis: [widgetLoaderApiFactory],
});

const entityCard = (widget: WidgetTag) =>
  platformWidgetsPlugin.provide(
    createComponentExtension({
      name: widgetSpec(widget).cardName,
      component: { lazy: () => import('./components/EntityPlatformWidgetCard').then((module) => module.cardFor(widget)) },
    }),
  );

/** Argo CD application(s): `argocd/app-name` or `argocd/app-selector`. */
export const EntityArgoStatusCard = entityCard('argo-status');
/** Pods: `backstage.io/kubernetes-namespace` with `backstage.io/kubernetes-id` or `-label-selector`. */
export const EntityK8sPodsCard = entityCard('k8s-pods');
/** Image vulnerabilities: `goharbor.io/repository-slug`. */
export const EntityHarborVulnsCard = entityCard('harbor-vulns');
/** A Grafana panel or dashboard: `platform-widgets.io/grafana-dashboard-uid`, `grafana/overview-dashboard` or `grafana/dashboard-selector`. */
export const EntityGrafanaPanelCard = entityCard('grafana-panel');
/** Grafana alerts: `grafana/alert-label-selector`. */
export const EntityGrafanaAlertsCard = entityCard('grafana-alerts');
/** Crossplane claim or XR: `terasky.backstage.io/claim-*` or `composite-*`. */
export const EntityCrossplaneStatusCard = entityCard('crossplane-status');
/** Kargo stages: `platform-widgets.io/kargo-project`. */
export const EntityKargoStagesCard = entityCard('kargo-stages');
/** Temporal workflows: `platform-widgets.io/temporal-namespace`. */
export const EntityTemporalWorkflowsCard = entityCard('temporal-workflows');
/** Cost: `kubecost.com/deployment-name` or `backstage.io/kubernetes-namespace`. */
export const EntityKubecostCostsCard = entityCard('kubecost-costs');
/** Tekton PipelineRuns: `tekton.dev/cicd` plus the Kubernetes annotations. */
export const EntityTektonRunsCard = entityCard('tekton-runs');
/** Vault secrets (metadata only): `vault.io/secrets-path`. */
export const EntityVaultSecretsCard = entityCard('vault-secrets');

/** The whole service in one card (every configured tool, worst first): the Overview's first card. */
export const EntityServiceHealthCard = platformWidgetsPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceHealthCard',
    component: { lazy: () => import('./components/EntityServiceHealthCard').then((module) => module.EntityServiceHealthCard) },
  }),
);

/** Every configured tool's one-line badge, for the entity header or the Overview. */
export const EntityPlatformBadges = platformWidgetsPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformBadges',
    component: { lazy: () => import('./components/PlatformWidgetBadge').then((module) => module.EntityPlatformBadges) },
  }),
);
