import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  DEFAULT_DASHBOARD_CLUSTER,
  kitStyles,
  loadSection,
  relativeTime,
  statusPill,
  styleProps,
  themeStyles,
  WidgetElement,
  workloadSelectionProblem,
  workloadSelector,
  type BadgeSummary,
  type LoadContext,
  type Section,
  VirtualListController,
  type WidgetError,
} from '../kit/index.js';
import {
  listDeployments,
  listEvents,
  listPodMetrics,
  listPods,
  podLink,
  podsLink,
  type PodsQuery,
} from './k8s-pods.api.js';
import { toDeploymentView, type DeploymentView } from './k8s-pods.deployments.js';
import { relevantEvents, type EventView } from './k8s-pods.events.js';
import { countByStatus, sortPods } from './k8s-pods.pod-view.js';
import { groupProblems, type Problem } from './k8s-pods.problems.js';
import { formatResource, formatResourceShort, usageByPod, type Resources } from './k8s-pods.quantities.js';
import { POD_STATUSES, POD_STATUS_TONES, podStatusLabel, type PodStatus } from './k8s-pods.status.js';
import { deploymentsSection, eventsSection, problemsSection, sectionNote, type SectionContext } from './k8s-pods.sections.js';
import { k8sPodsStyles } from './k8s-pods.styles.js';
import { ROW_HEIGHT } from './k8s-pods.constants.js';
import { LogViewer, type LogTarget } from './k8s-pods.logs.js';
import { PodCache, rowsFailure, type PodRow } from './k8s-pods.cache.js';
import { k8sPodsDescriptor } from './k8s-pods.descriptor.js';
import { podsSummary } from './k8s-pods.badge.js';

export { KUBERNETES_ID_LABEL } from '../kit/index.js';
export const LOGS_ACTION = 'kubernetes.pods.logs';

export interface K8sPodsData {
  pods: PodRow[];
  counts: Record<PodStatus, number>;
  problems: Problem[];
  deployments: Section<DeploymentView[]>;
  events: Section<EventView[]>;
  usage: Section<ReadonlyMap<string, Resources>>;
}

/**
 * The pods of a service in one Kubernetes namespace: counts by status (crash-looping
 * told apart from running), deployments with replicas and conditions, per-pod restarts,
 * age, CPU/memory requests, limits and usage, recent events (warnings first), problems
 * with their usual fix, and a container log viewer gated by `decide('kubernetes.pods.logs')`.
 * The pod list is virtualised: thousands of pods scroll smoothly.
 *
 * @summary Kubernetes pods, deployments, events, problems and logs of a service.
 * @attr namespace - Namespace of the pods.
 * @attr kubernetes-id - Selects pods labelled `backstage.io/kubernetes-id=<id>`.
 * @attr label-selector - Label selector for the pods; wins over kubernetes-id.
 * @attr cluster - Cluster: uses `endpoints["kubernetes:<cluster>"]`, else `endpoints.kubernetes` with the `Backstage-Kubernetes-Cluster` header; also the dashboard links' cluster.
 * @attr instance - Named Kubernetes endpoint (`endpoints["kubernetes:<instance>"]`); wins over cluster.
 * @csspart pods - The scrolling pod list.
 * @csspart logs - The log viewer.
 * @event pw-action - Logs were read: `{ action: 'kubernetes.pods.logs', resourceRef, phase }`.
 * @cssproperty --pw-list-height - Height of the scrolling pod list (default 320px).
 */
export class K8sPods extends WidgetElement<K8sPodsData> {
  static override styles = [themeStyles, kitStyles, k8sPodsStyles];

  @property() namespace?: string;
  @property({ attribute: 'kubernetes-id' }) kubernetesId?: string;
  @property({ attribute: 'label-selector' }) labelSelector?: string;
  @property() cluster?: string;

  @state() private filterText = '';
  @state() private statusFilter: PodStatus | 'all' | 'problems' = 'all';

  protected readonly system = 'kubernetes' as const;
  protected override readonly openLinkLabel = 'Open pods in the Kubernetes dashboard';
  protected override readonly skeletonLines = 6;

  private readonly logs = new LogViewer(this, {
    host: () => this.effectiveHost,
    query: () => this.query(),
    onRead: (target) => this.notify('pw-action', { action: LOGS_ACTION, resourceRef: `${this.podsRef()}/${target.pod}`, phase: 'succeeded' }),
  });
  private shown?: { data: K8sPodsData; filter: string; pods: PodRow[] };
  private readonly rows = new VirtualListController(this, {
    rowHeight: ROW_HEIGHT,
    region: () => this.shadowRoot?.querySelector<HTMLElement>('.pod-scroll'),
  });
  private readonly podCache = new PodCache();
  /** A shown row whose pod does not match what the row reads: degraded, as when the list does not match. */
  private rowFailure?: { data: K8sPodsData; error: WidgetError };
  /** Loads in a row whose shown rows failed: their retries back off like failed loads. */
  private rowFailures = 0;

  /** The selector sent to Kubernetes: label-selector wins over kubernetes-id. */
  get effectiveSelector(): string | undefined {
    return workloadSelector(this);
  }

  /** `instance`, else the cluster's own endpoint when the host has one, else the default endpoint. */
  protected override endpointInstance(): string | undefined {
    if (this.instance) return this.instance;
    const cluster = this.cluster?.trim();
    return cluster && this.effectiveHost?.endpoints[`kubernetes:${cluster}`] ? cluster : undefined;
  }

  protected override actions(): readonly string[] {
    return [LOGS_ACTION];
  }

  /** What `decide` is asked about: `kubernetes[:cluster]/namespaces/{ns}/pods?labelSelector={selector}`. */
  protected override resourceRef(): string {
    return `${this.podsRef()}?labelSelector=${this.effectiveSelector ?? ''}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another namespace, selector or cluster: a log of the old pods no longer belongs here.
    if (changed.has('namespace') || changed.has('kubernetesId') || changed.has('labelSelector') || changed.has('cluster')) this.logs.close();
    this.validateShownRows();
  }

  protected override get data(): K8sPodsData | undefined {
    const data = super.data;
    return data !== undefined && this.rowFailure?.data === data ? undefined : data;
  }

  protected override get error(): WidgetError | undefined {
    const data = super.data;
    return data !== undefined && this.rowFailure?.data === data ? this.rowFailure.error : super.error;
  }

  protected override linkToolName(): string {
    return 'Kubernetes dashboard';
  }

  protected missingConfig(): string | undefined {
    return workloadSelectionProblem(this, k8sPodsDescriptor);
  }

  protected configKey(): string {
    return JSON.stringify([this.namespace, this.effectiveSelector, this.cluster?.trim() || undefined]);
  }

  protected resourceLabel(): string {
    return this.labelSelector || this.kubernetesId || '';
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<K8sPodsData> {
    const query = this.query();
    const call = { host, signal, fresh, query };
    const [pods, deployments, events, metrics] = await Promise.all([
      listPods(call),
      loadSection(signal, () => listDeployments(call)),
      loadSection(signal, () => listEvents(call)),
      loadSection(signal, () => listPodMetrics(call), 'this cluster serves no metrics API (metrics-server)'),
    ]);
    const entries = this.podCache.update(pods);
    const views = sortPods(entries.map((entry) => entry.view));
    const podNames = new Set(views.map((pod) => pod.name));
    const deploymentList = deployments.ok ? deployments.value : [];
    const deploymentNames = deploymentList.map((d) => d.metadata.name);
    return {
      pods: views,
      counts: countByStatus(views),
      problems: groupProblems(entries.map((entry) => ({ name: entry.view.name, found: entry.problems })), deploymentList),
      deployments: deployments.ok ? { ok: true, value: deploymentList.map(toDeploymentView) } : deployments,
      events: events.ok ? { ok: true, value: relevantEvents(events.value, podNames, deploymentNames) } : events,
      usage: metrics.ok ? { ok: true, value: usageByPod(metrics.value) } : metrics,
    };
  }

  protected isEmpty(data: K8sPodsData): boolean {
    return data.pods.length === 0;
  }

  protected deepLink(): string | undefined {
    return podsLink(this.ui, this.clusterName, this.namespace ?? '');
  }

  protected override renderSummary(data: K8sPodsData): unknown {
    const shown = POD_STATUSES.filter((status) => data.counts[status] > 0 || status === 'running');
    return html`<span class="counts" role="group" aria-label="Pods by status">
      ${shown.map((status) => statusPill(POD_STATUS_TONES[status], `${data.counts[status]} ${status}`))}
    </span>`;
  }

  protected override summarize(data: K8sPodsData): BadgeSummary {
    return podsSummary(data);
  }

  protected renderEmpty(data: K8sPodsData): unknown {
    return html`${problemsSection(data.problems, this.sectionContext())}<p class="notice" part="empty">
        No pods match <code>${this.effectiveSelector}</code> in namespace <code>${this.namespace}</code>.
      </p>
      ${deploymentsSection(data.deployments, this.sectionContext())} ${this.openLink()}`;
  }

  protected renderReady(data: K8sPodsData): unknown {
    return html`${problemsSection(data.problems, this.sectionContext())} ${deploymentsSection(data.deployments, this.sectionContext())} ${this.renderPods(data)}
      ${this.logs.render(this.decision(LOGS_ACTION))} ${eventsSection(data.events, this.sectionContext())}
      <p class="row foot">${this.openLink()}</p>`;
  }

  /** Before each render: the rows about to be shown are validated for what they read (see PodRow). */
  private validateShownRows(): void {
    const data = super.data;
    if (data === undefined || this.rowFailure?.data === data) return;
    this.rowFailure = undefined;
    const pods = this.filteredPods(data);
    const { first, last } = this.rows.range(pods.length);
    const error = rowsFailure(pods.slice(first, last));
    if (!error) {
      this.rowFailures = 0;
      return;
    }
    this.rowFailure = { data, error };
    this.rowFailures += 1;
    this.refresher.failed(error.retryAfterMs, this.rowFailures);
    this.notify('pw-error', { system: this.system, kind: error.kind, status: error.status, reason: error.reason });
  }

  private podsRef(): string {
    const instance = this.endpointInstance() ?? (this.cluster?.trim() || undefined);
    return `kubernetes${instance ? `:${instance}` : ''}/namespaces/${this.namespace ?? ''}/pods`;
  }

  private query(): PodsQuery {
    return {
      instance: this.endpointInstance(),
      cluster: this.cluster?.trim() || undefined,
      namespace: this.namespace ?? '',
      labelSelector: this.effectiveSelector ?? '',
    };
  }

  private sectionContext(): SectionContext {
    return { label: this.resourceLabel(), ui: this.ui, cluster: this.clusterName, namespace: this.namespace ?? '', locale: this.locale, tool: this.linkToolName() };
  }

  private get clusterName(): string {
    return this.cluster?.trim() || DEFAULT_DASHBOARD_CLUSTER;
  }

  private filteredPods(data: K8sPodsData): PodRow[] {
    const filter = `${this.statusFilter}|${this.filterText.trim().toLowerCase()}`;
    if (this.shown?.data === data && this.shown.filter === filter) return this.shown.pods;
    const text = this.filterText.trim().toLowerCase();
    const status = this.statusFilter;
    const pods = data.pods.filter((pod) =>
      (status === 'all' || (status === 'problems' ? !['running', 'succeeded'].includes(pod.status) || pod.reason !== undefined : pod.status === status))
      && (!text || pod.name.toLowerCase().includes(text)));
    this.shown = { data, filter, pods };
    return pods;
  }

  private renderPods(data: K8sPodsData): TemplateResult {
    const pods = this.filteredPods(data);
    const total = pods.length;
    const { first, last } = this.rows.range(total);
    const visible = pods.slice(first, last);
    const usage = data.usage.ok ? data.usage.value : undefined;
    const logsAllowed = this.decision(LOGS_ACTION) === 'allow';
    return html`<section aria-label=${`Pods of ${this.resourceLabel()}`}>
      <div class="row pods-head">
        <h3 id="pods-title">Pods</h3>
        <label class="filter">Filter <input type="search" .value=${this.filterText} placeholder="pod name"
          @input=${(e: Event) => this.setFilter((e.target as HTMLInputElement).value, this.statusFilter)} /></label>
        <label class="filter">Show <select @change=${(e: Event) => this.setFilter(this.filterText, (e.target as HTMLSelectElement).value as PodStatus)}>
          <option value="all" ?selected=${this.statusFilter === 'all'}>all</option>
          <option value="problems" ?selected=${this.statusFilter === 'problems'}>with problems</option>
          ${POD_STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${s}</option>`)}
        </select></label>
        <span class="meta" aria-live="polite">${total === data.pods.length ? `${total} pods` : `${total} of ${data.pods.length} pods`}</span>
      </div>
      ${sectionNote('Usage', data.usage)}
      <div class="pod-scroll" part="pods" tabindex="0" role="region" aria-label=${`Pods of ${this.resourceLabel()}, worst status first; scroll for more`}
        @scroll=${this.rows.onScroll} @keydown=${this.rows.onKeyDown}>
        <div role="table" aria-label="Pods" aria-rowcount=${total + 1} class="pod-table">
          <div role="rowgroup" class="pod-header">
            <div role="row" aria-rowindex="1" class="pod-row">
              <span role="columnheader">Pod</span><span role="columnheader">Status</span>
              <span role="columnheader">Restarts</span><span role="columnheader">Age</span>
              <span role="columnheader">Resources <span class="unit">used · req · lim</span></span>
              <span role="columnheader"><span class="visually-hidden">Logs</span></span>
            </div>
          </div>
          <div class="pod-body" ${styleProps({ height: `${total * ROW_HEIGHT}px` })}>
            <div role="rowgroup" ${styleProps({ transform: `translateY(${first * ROW_HEIGHT}px)` })}>
              ${repeat(visible, (pod) => pod.name, (pod, i) => this.renderPod(pod, first + i + 2, usage?.get(pod.name), logsAllowed))}
            </div>
          </div>
        </div>
      </div>
    </section>`;
  }

  private renderPod(row: PodRow, rowIndex: number, usage: Resources | undefined, logsAllowed: boolean): TemplateResult {
    const { details } = row;
    const href = podLink(this.ui, this.clusterName, row.namespace ?? this.namespace ?? '', row.name);
    return html`<div role="row" aria-rowindex=${rowIndex} class="pod-row" data-pod=${row.name}>
      <span role="cell" class="pod-name">
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${row.name}</a>` : row.name}
      </span>
      <span role="cell" class="pod-status">${statusPill(POD_STATUS_TONES[row.status], podStatusLabel(row.status), row.message ?? row.reason)}
        ${row.reason
          ? html`<span class="reason" title=${row.message ?? row.reason}>${row.reason}</span><span class="visually-hidden">, ${details.ready}/${details.containersTotal} ready</span>`
          : html`<span class="ready">${details.ready}/${details.containersTotal} ready</span>`}</span>
      <span role="cell" class=${details.restarts > 0 ? 'restarts' : ''}>${details.restarts}</span>
      <span role="cell">${details.createdAt === undefined ? html`<span class="muted">–</span>` : relativeTime(details.createdAt, this.locale)}</span>
      <span role="cell" class="resource">
        <span aria-hidden="true">CPU ${formatResourceShort('cpu', usage, details.requests, details.limits)}<br />Mem ${formatResourceShort('memory', usage, details.requests, details.limits)}</span>
        <span class="visually-hidden">CPU ${formatResource('cpu', usage, details.requests, details.limits)}; memory ${formatResource('memory', usage, details.requests, details.limits)}</span>
      </span>
      <span role="cell"><button type="button" class="logs-button" aria-disabled=${logsAllowed ? 'false' : 'true'}
        aria-describedby=${logsAllowed ? '' : 'logs-reason'} aria-label=${`Logs of ${row.name}`}
        @click=${() => logsAllowed && this.openLogs(row)}>Logs</button></span>
    </div>`;
  }

  private openLogs(pod: PodRow): void {
    const target: LogTarget = { pod: pod.name, containers: pod.details.containers, restartedContainers: pod.details.restartedContainers };
    this.logs.open(target);
  }

  private setFilter(text: string, status: PodStatus | 'all' | 'problems'): void {
    this.filterText = text;
    this.statusFilter = status;
    this.rows.reset();
  }
}
