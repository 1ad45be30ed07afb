import type { ActionId } from './actions.js';
import { FRAME_CHECK_QUERY, FRAMING_HEADERS } from './frame-check.js';
import type { SystemId } from './systems.js';

export type CallMethod = 'GET' | 'POST';

/** Where an action's resource name is read from: a path parameter, or a field of the JSON body. */
export type ResourceSource = { path: string } | { body: string };

/**
 * One upstream call a widget makes. `path` is below the tool's root: literal segments,
 * `{name}` for exactly one segment, `{name+}` for one or more. Only the listed query
 * parameters may be sent. A call with an `action` is authorized as that action, on the
 * resource named by `resource`; `when` makes an entry apply only when that query
 * parameter is present (Argo CD's `?refresh=` turns a read into an action).
 */
export interface UpstreamCall {
  method: CallMethod;
  path: string;
  query?: readonly string[];
  action?: ActionId;
  resource?: ResourceSource;
  when?: { query: string };
  /**
   * Response headers the backend passes back besides the content type (lower case). Grafana's
   * `/d-solo/` page: the widget reads whether Grafana lets itself be framed before framing it.
   */
  responseHeaders?: readonly string[];
}


const kubeList = (prefix: string, plural: string, query: readonly string[] = ['labelSelector']): UpstreamCall => ({
  method: 'GET',
  path: `${prefix}/namespaces/{namespace}/${plural}`,
  query,
});

const KARGO_SERVICE = '/akuity.io.kargo.service.v1alpha1.KargoService';
const KARGO_GROUP = '/apis/kargo.akuity.io/v1alpha1/namespaces/{project}';

/** Every call the widgets make, per system. The backend forwards these and nothing else. */
export const UPSTREAM_CALLS: Readonly<Record<SystemId, readonly UpstreamCall[]>> = {
  argocd: [
    {
      method: 'GET',
      path: '/api/v1/applications/{name}',
      query: ['appNamespace', 'project', 'refresh'],
      action: 'argocd.application.refresh',
      resource: { path: 'name' },
      when: { query: 'refresh' },
    },
    { method: 'GET', path: '/api/v1/applications/{name}', query: ['appNamespace', 'project'] },
    { method: 'GET', path: '/api/v1/applications', query: ['selector', 'projects', 'appNamespace'] },
    { method: 'GET', path: '/api/v1/applications/{name}/revisions/{revision}/metadata', query: ['appNamespace', 'project', 'sourceIndex', 'versionId'] },
    {
      method: 'GET',
      path: '/api/v1/applications/{name}/managed-resources',
      query: ['appNamespace', 'project', 'name', 'namespace', 'kind', 'group', 'version'],
    },
    { method: 'POST', path: '/api/v1/applications/{name}/sync', action: 'argocd.application.sync', resource: { path: 'name' } },
  ],
  grafana: [
    { method: 'GET', path: '/api/alertmanager/grafana/api/v2/alerts', query: ['filter', 'active', 'silenced', 'inhibited'] },
    { method: 'GET', path: '/api/alertmanager/grafana/api/v2/silences' },
    { method: 'GET', path: '/api/prometheus/grafana/api/v1/rules' },
    { method: 'GET', path: '/api/search', query: ['type', 'tag'] },
    { method: 'GET', path: '/api/dashboards/uid/{uid}' },
    // The embedded panel's page, asked before it is framed: status and framing headers only.
    { method: 'GET', path: '/d-solo/{uid}', query: FRAME_CHECK_QUERY, responseHeaders: FRAMING_HEADERS },
    { method: 'GET', path: '/d-solo/{uid}/{slug}', query: FRAME_CHECK_QUERY, responseHeaders: FRAMING_HEADERS },
  ],
  harbor: [
    {
      method: 'GET',
      path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts',
      query: ['with_tag', 'with_scan_overview', 'page', 'page_size', 'sort'],
    },
    // One artifact by tag or digest: <image-trail> resolves a tag to the digest it follows.
    { method: 'GET', path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}', query: ['with_tag', 'with_scan_overview'] },
    { method: 'GET', path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}/additions/vulnerabilities' },
  ],
  crossplane: [
    { method: 'GET', path: '/apis/{group}/{version}' },
    { method: 'GET', path: '/api/{version}' },
    { method: 'GET', path: '/apis/{group}/{version}/{plural}/{name}' },
    { method: 'GET', path: '/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}' },
    { method: 'GET', path: '/api/{version}/{plural}/{name}' },
    { method: 'GET', path: '/api/{version}/namespaces/{namespace}/{plural}/{name}' },
  ],
  kubernetes: [
    kubeList('/api/v1', 'pods'),
    kubeList('/apis/apps/v1', 'deployments'),
    kubeList('/api/v1', 'events', []),
    kubeList('/apis/metrics.k8s.io/v1beta1', 'pods'),
    {
      method: 'GET',
      path: '/api/v1/namespaces/{namespace}/pods/{pod}/log',
      query: ['container', 'tailLines', 'previous'],
      action: 'kubernetes.pods.logs',
      resource: { path: 'namespace' },
    },
  ],
  kargo: [
    { method: 'POST', path: `${KARGO_SERVICE}/ListStages` },
    { method: 'POST', path: `${KARGO_SERVICE}/QueryFreight` },
    { method: 'POST', path: `${KARGO_SERVICE}/ListPromotions` },
    { method: 'POST', path: `${KARGO_SERVICE}/PromoteToStage`, action: 'kargo.stage.promote', resource: { body: 'project' } },
    { method: 'GET', path: `${KARGO_GROUP}/stages` },
    { method: 'GET', path: `${KARGO_GROUP}/freights` },
    { method: 'GET', path: `${KARGO_GROUP}/promotions` },
    { method: 'POST', path: `${KARGO_GROUP}/promotions`, action: 'kargo.stage.promote', resource: { path: 'project' } },
  ],
  temporal: [
    { method: 'GET', path: '/api/v1/namespaces/{namespace}' },
    { method: 'GET', path: '/api/v1/namespaces/{namespace}/workflows', query: ['query', 'pageSize'] },
    { method: 'GET', path: '/api/v1/namespaces/{namespace}/workflow-count', query: ['query'] },
  ],
  kubecost: [
    { method: 'GET', path: '/model/allocation', query: ['window', 'aggregate', 'step', 'accumulate', 'filter'] },
    { method: 'GET', path: '/allocation/compute', query: ['window', 'aggregate', 'step', 'accumulate', 'filter'] },
  ],
  tekton: [kubeList('/apis/tekton.dev/v1', 'pipelineruns'), kubeList('/apis/tekton.dev/v1', 'taskruns')],
  vault: [
    // Metadata only (key names, versions): never `/data/`, so no secret value can be read.
    { method: 'GET', path: '/v1/{mount+}/metadata/{path+}', query: ['list'] },
    { method: 'GET', path: '/v1/{mount+}/metadata', query: ['list'] },
  ],
};

/** Request headers a widget may send besides Accept and Content-Type, forwarded to the tool. */
export const FORWARDED_REQUEST_HEADERS = ['connect-protocol-version', 'x-accept-vulnerabilities', 'x-vault-namespace'] as const;

/**
 * Systems whose answers are Kubernetes objects. Their `metadata.managedFields` (server-side
 * apply bookkeeping, often half of an object's bytes) is read by no widget: the backend drops it.
 */
export const KUBERNETES_OBJECT_SYSTEMS: readonly SystemId[] = ['kubernetes', 'tekton', 'crossplane', 'kargo'];
