import type { SystemId } from '@platform-widgets/backstage-plugin-common';

/** Where one widget attribute comes from: the first annotation present wins. */
export interface AttributeSource {
  attribute: string;
  annotations: readonly string[];
  /** The annotation may hold a comma list (several instances or repositories): the widget gets the first item. */
  firstOfList?: boolean;
}

/** One widget of the remote, as the entity card sees it. */
export interface WidgetSpec {
  tag: string;
  system: SystemId;
  /** Card title. */
  title: string;
  /** Name of the legacy component extension (`EntityArgoStatusCard` …). */
  cardName: string;
  attributes: readonly AttributeSource[];
  /** Each group needs at least one of its annotations; the first of a group is the one suggested. */
  requires: readonly (readonly string[])[];
  /** The tool's page for this resource, below the tool's UI base; segments are encoded by the caller. */
  deepLinkPath?: (attributes: Readonly<Record<string, string>>) => readonly string[];
}

const K8S_ID = 'backstage.io/kubernetes-id';
const K8S_NAMESPACE = 'backstage.io/kubernetes-namespace';
const K8S_SELECTOR = 'backstage.io/kubernetes-label-selector';
const K8S_CLUSTER = 'backstage.io/kubernetes-cluster';
const OWN = 'platform-widgets.io';

/** `instance` from the project's own per-system key, after any tool-specific keys. */
const instance = (system: SystemId, ...annotations: string[]): AttributeSource => ({
  attribute: 'instance',
  annotations: [...annotations, `${OWN}/${system}-instance`],
  firstOfList: true,
});

const claimOrComposite = (attribute: string, field: string): AttributeSource => ({
  attribute,
  annotations: [`terasky.backstage.io/claim-${field}`, `terasky.backstage.io/composite-${field}`],
});

/**
 * The one table that maps catalog annotations to widget attributes. Keys follow the
 * existing Backstage plugins (Roadie/community Argo CD, Kubernetes, Grafana, Harbor,
 * Vault, Tekton, Kubecost, TeraSky Crossplane) so a catalog needs no re-annotation;
 * tools without a plugin use the `platform-widgets.io/` prefix.
 */
export const WIDGETS = [
  {
    tag: 'argo-status',
    system: 'argocd',
    title: 'Argo CD',
    cardName: 'EntityArgoStatusCard',
    attributes: [
      { attribute: 'app-name', annotations: ['argocd/app-name'] },
      { attribute: 'app-selector', annotations: ['argocd/app-selector'] },
      { attribute: 'project', annotations: ['argocd/project-name'] },
      { attribute: 'app-namespace', annotations: ['argocd/app-namespace'] },
      instance('argocd', 'argocd/instance-name'),
    ],
    requires: [['argocd/app-name', 'argocd/app-selector']],
    deepLinkPath: (a) => (a['app-name'] ? ['applications', ...(a['app-namespace'] ? [a['app-namespace']] : []), a['app-name']] : ['applications']),
  },
  {
    tag: 'k8s-pods',
    system: 'kubernetes',
    title: 'Kubernetes pods',
    cardName: 'EntityK8sPodsCard',
    attributes: [
      { attribute: 'kubernetes-id', annotations: [K8S_ID] },
      { attribute: 'namespace', annotations: [K8S_NAMESPACE] },
      { attribute: 'label-selector', annotations: [K8S_SELECTOR] },
      { attribute: 'cluster', annotations: [K8S_CLUSTER] },
      instance('kubernetes'),
    ],
    requires: [[K8S_NAMESPACE], [K8S_ID, K8S_SELECTOR]],
  },
  {
    tag: 'harbor-vulns',
    system: 'harbor',
    title: 'Harbor vulnerabilities',
    cardName: 'EntityHarborVulnsCard',
    attributes: [{ attribute: 'repository-slug', annotations: ['goharbor.io/repository-slug'], firstOfList: true }, instance('harbor')],
    requires: [['goharbor.io/repository-slug']],
    deepLinkPath: () => ['harbor', 'projects'],
  },
  {
    tag: 'grafana-panel',
    system: 'grafana',
    title: 'Grafana',
    cardName: 'EntityGrafanaPanelCard',
    attributes: [
      { attribute: 'dashboard-uid', annotations: [`${OWN}/grafana-dashboard-uid`] },
      { attribute: 'panel-id', annotations: [`${OWN}/grafana-panel-id`] },
      { attribute: 'pattern', annotations: [`${OWN}/grafana-pattern`] },
      { attribute: 'namespace', annotations: [`${OWN}/grafana-namespace`, K8S_NAMESPACE] },
      { attribute: 'service', annotations: [`${OWN}/grafana-service`] },
      { attribute: 'db-instance', annotations: [`${OWN}/grafana-db-instance`] },
      { attribute: 'dashboard-url', annotations: ['grafana/overview-dashboard'] },
      { attribute: 'dashboard-selector', annotations: ['grafana/dashboard-selector'] },
      instance('grafana'),
    ],
    requires: [[`${OWN}/grafana-dashboard-uid`, 'grafana/overview-dashboard', 'grafana/dashboard-selector']],
    deepLinkPath: (a) => (a['dashboard-uid'] ? ['d', a['dashboard-uid']] : ['dashboards']),
  },
  {
    tag: 'grafana-alerts',
    system: 'grafana',
    title: 'Grafana alerts',
    cardName: 'EntityGrafanaAlertsCard',
    attributes: [{ attribute: 'label-selector', annotations: ['grafana/alert-label-selector'] }, instance('grafana')],
    requires: [['grafana/alert-label-selector']],
    deepLinkPath: () => ['alerting', 'list'],
  },
  {
    tag: 'crossplane-status',
    system: 'crossplane',
    title: 'Crossplane',
    cardName: 'EntityCrossplaneStatusCard',
    attributes: [
      claimOrComposite('group', 'group'),
      claimOrComposite('version', 'version'),
      claimOrComposite('plural', 'plural'),
      claimOrComposite('name', 'name'),
      { attribute: 'namespace', annotations: ['terasky.backstage.io/claim-namespace', 'terasky.backstage.io/composite-namespace'] },
      { attribute: 'cluster', annotations: [K8S_CLUSTER] },
      instance('crossplane'),
    ],
    requires: [
      ['terasky.backstage.io/claim-name', 'terasky.backstage.io/composite-name'],
      ['terasky.backstage.io/claim-plural', 'terasky.backstage.io/composite-plural'],
      ['terasky.backstage.io/claim-group', 'terasky.backstage.io/composite-group'],
      ['terasky.backstage.io/claim-version', 'terasky.backstage.io/composite-version'],
    ],
  },
  {
    tag: 'kargo-stages',
    system: 'kargo',
    title: 'Kargo',
    cardName: 'EntityKargoStagesCard',
    attributes: [
      { attribute: 'project', annotations: [`${OWN}/kargo-project`] },
      { attribute: 'stage', annotations: [`${OWN}/kargo-stage`] },
      { attribute: 'api-flavor', annotations: [`${OWN}/kargo-api-flavor`] },
      instance('kargo'),
    ],
    requires: [[`${OWN}/kargo-project`]],
    deepLinkPath: (a) => ['project', a['project'] ?? ''],
  },
  {
    tag: 'temporal-workflows',
    system: 'temporal',
    title: 'Temporal',
    cardName: 'EntityTemporalWorkflowsCard',
    attributes: [
      { attribute: 'namespace', annotations: [`${OWN}/temporal-namespace`] },
      { attribute: 'workflow-type', annotations: [`${OWN}/temporal-workflow-type`] },
      { attribute: 'task-queue', annotations: [`${OWN}/temporal-task-queue`] },
      { attribute: 'query', annotations: [`${OWN}/temporal-query`] },
      instance('temporal'),
    ],
    requires: [[`${OWN}/temporal-namespace`]],
    deepLinkPath: (a) => ['namespaces', a['namespace'] ?? '', 'workflows'],
  },
  {
    tag: 'kubecost-costs',
    system: 'kubecost',
    title: 'Cost',
    cardName: 'EntityKubecostCostsCard',
    attributes: [
      { attribute: 'namespace', annotations: [K8S_NAMESPACE] },
      { attribute: 'deployment', annotations: ['kubecost.com/deployment-name'] },
      { attribute: 'api-flavor', annotations: [`${OWN}/kubecost-api-flavor`] },
      instance('kubecost'),
    ],
    requires: [['kubecost.com/deployment-name', K8S_NAMESPACE]],
    deepLinkPath: () => ['allocations'],
  },
  {
    tag: 'tekton-runs',
    system: 'tekton',
    title: 'Tekton pipeline runs',
    cardName: 'EntityTektonRunsCard',
    attributes: [
      { attribute: 'namespace', annotations: [K8S_NAMESPACE] },
      { attribute: 'kubernetes-id', annotations: [K8S_ID] },
      { attribute: 'label-selector', annotations: [K8S_SELECTOR] },
      instance('tekton'),
    ],
    requires: [['tekton.dev/cicd'], [K8S_NAMESPACE], [K8S_ID, K8S_SELECTOR]],
  },
  {
    tag: 'vault-secrets',
    system: 'vault',
    title: 'Vault secrets',
    cardName: 'EntityVaultSecretsCard',
    attributes: [
      { attribute: 'secrets-path', annotations: ['vault.io/secrets-path'] },
      { attribute: 'secrets-engine', annotations: ['vault.io/secrets-engine'] },
      { attribute: 'vault-namespace', annotations: [`${OWN}/vault-namespace`] },
      instance('vault'),
    ],
    requires: [['vault.io/secrets-path']],
    deepLinkPath: () => ['ui', 'vault', 'secrets'],
  },
] as const satisfies readonly WidgetSpec[];

export type WidgetTag = (typeof WIDGETS)[number]['tag'];

export const WIDGET_TAGS: readonly WidgetTag[] = WIDGETS.map((spec) => spec.tag);

export function widgetSpec(tag: WidgetTag): WidgetSpec {
  const spec = WIDGETS.find((candidate) => candidate.tag === tag);
  if (!spec) throw new Error(`Unknown widget ${tag}`);
  return spec;
}

/** Annotation every card accepts: seconds between refreshes for this entity. */
export const REFRESH_INTERVAL_ANNOTATION = `${OWN}/refresh-interval`;

/** The roll-up's tag: it composes the tools' badges and has no system of its own. */
export const SERVICE_HEALTH_TAG = 'service-health';

/** Widgets that report a state, shown as badges and in the roll-up (a dashboard panel is not a state). */
export const HEALTH_WIDGETS: readonly WidgetTag[] = WIDGET_TAGS.filter((tag) => tag !== 'grafana-panel');
