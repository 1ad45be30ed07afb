import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  externalLink,
  firstN,
  WidgetElement,
  diagnose,
  renderDiagnoses,
  formatDuration,
  kitStyles,
  LIST_LIMIT,
  type LoadContext,
  moreNote,
  parseTime,
  relativeTime,
  statusPill,
  themeStyles,
  type Tone,
} from '../kit/index.js';
import { TEMPORAL_RULES } from './temporal-workflows.diagnosis.js';
import {
  executionLink,
  loadTemporal,
  workflowsLink,
  type StatusCounts,
  type TemporalData,
  type WorkflowExecution,
  type WorkflowPage,
} from './temporal-workflows.api.js';
import {
  FAILED_STATUSES,
  WORKFLOW_STATUSES,
  formatRetention,
  normalizeNamespaceState,
  normalizeStatus,
  toCount,
  visibilityQuery,
  withStatuses,
  type KnownWorkflowStatus,
  type WorkflowStatus,
} from './temporal-workflows.query.js';
import { temporalWorkflowsStyles } from './temporal-workflows.styles.js';
import type { BadgePart, BadgeSummary } from '../kit/index.js';
import { temporalWorkflowsDescriptor } from './temporal-workflows.descriptor.js';

export const STATUS_TONES: Readonly<Record<string, Tone>> = {
  Running: 'progress',
  Completed: 'ok',
  Failed: 'error',
  TimedOut: 'error',
  Terminated: 'warn',
  Canceled: 'warn',
  ContinuedAsNew: 'info',
  Unknown: 'unknown',
};

export const NAMESPACE_TONES: Readonly<Record<string, Tone>> = {
  Registered: 'ok',
  Deprecated: 'warn',
  Deleted: 'error',
};

/** Counts read from what needs attention to what went well. */
const COUNT_ORDER: readonly KnownWorkflowStatus[] = ['Running', 'Failed', 'TimedOut', 'Terminated', 'Canceled', 'ContinuedAsNew', 'Completed'];

/** Readable labels for statuses whose names run words together. */
const STATUS_LABELS: Readonly<Record<string, string>> = {
  ContinuedAsNew: 'Continued as new',
  TimedOut: 'Timed out',
};

export function statusLabel(status: WorkflowStatus): string {
  return STATUS_LABELS[status] ?? status;
}

function workflowStatusPill(status: WorkflowStatus, prefix = ''): TemplateResult {
  return statusPill(STATUS_TONES[status] ?? 'unknown', `${prefix}${statusLabel(status)}`);
}

/**
 * Temporal workflows of one service: the namespace's state, counts per status,
 * the running and the failed (or timed-out) workflows, each linked to its history
 * in the Temporal UI, and the same filtered list in the Temporal UI.
 *
 * @summary Temporal workflows: running, failed, counts per status.
 * @attr namespace - Temporal namespace.
 * @attr workflow-type - Only this workflow type.
 * @attr task-queue - Only this task queue.
 * @attr query - A raw visibility query, ANDed with the others, without ORDER BY.
 * @csspart counts - The counts per status.
 * @cssproperty --pw-list-height - Height of scrolling lists (default 320px).
 */
export class TemporalWorkflows extends WidgetElement<TemporalData> {
  static override styles = [themeStyles, kitStyles, temporalWorkflowsStyles];

  @property() namespace?: string;
  @property({ attribute: 'workflow-type' }) workflowType?: string;
  @property({ attribute: 'task-queue' }) taskQueue?: string;
  @property() query?: string;

  protected readonly system = 'temporal' as const;
  protected override readonly skeletonLines = 8;

  protected missingConfig(): string | undefined {
    return this.unsetRequired(temporalWorkflowsDescriptor);
  }

  protected configKey(): string {
    return JSON.stringify([this.namespace, this.workflowType, this.taskQueue, this.query]);
  }

  protected resourceLabel(): string {
    const ns = this.namespace?.trim() ?? '';
    const scope = this.workflowType?.trim() || this.taskQueue?.trim();
    return scope ? `${ns} · ${scope}` : ns;
  }

  protected override resourceRef(): string {
    const base = this.instance ? `temporal:${this.instance}` : 'temporal';
    return `${base}/namespaces/${this.ns}`;
  }

  protected load({ host, signal, fresh }: LoadContext): Promise<TemporalData> {
    return loadTemporal({ host, signal, fresh, instance: this.instance, namespace: this.ns, query: this.visibilityQuery });
  }

  protected isEmpty(data: TemporalData): boolean {
    return data.running.executions.length === 0 && data.failed.executions.length === 0;
  }

  protected deepLink(): string | undefined {
    return workflowsLink(this.ui, this.ns, this.visibilityQuery || undefined);
  }

  protected override renderSummary(data: TemporalData): unknown {
    const state = normalizeNamespaceState(data.namespace.namespaceInfo.state);
    return html`${statusPill(NAMESPACE_TONES[state] ?? 'unknown', `Namespace ${state}`)}`;
  }

  protected override summarize(data: TemporalData): BadgeSummary {
    const count = (status: 'Running' | 'Failed' | 'TimedOut') => data.counts.byStatus.get(status) ?? 0;
    const more = (status: 'Running' | 'Failed' | 'TimedOut') => (data.counts.more?.has(status) ? '+' : '');
    const failed = count('Failed') + count('TimedOut');
    const state = normalizeNamespaceState(data.namespace.namespaceInfo.state);
    const parts: BadgePart[] = [
      failed ? { tone: 'warn', text: `${failed}${more('Failed')} failed` } : { tone: 'ok', text: 'none failed' },
      { text: `${count('Running')}${more('Running')} running` },
    ];
    if (state !== 'Registered') parts.push({ tone: NAMESPACE_TONES[state] ?? 'unknown', text: `namespace ${state}` });
    return { parts };
  }

  protected renderEmpty(data: TemporalData): unknown {
    const filter = this.visibilityQuery;
    return html`<div class="stack">
      ${this.renderCounts(data)}
      <p class="notice" part="empty">
        No running or failed workflows${filter ? html` match <code>${filter}</code>` : html` in this namespace`}.
      </p>
      ${this.renderNamespace(data)} ${this.renderLinks()}
    </div>`;
  }

  protected renderReady(data: TemporalData): unknown {
    const base = this.visibilityQuery;
    const problems = diagnose(TEMPORAL_RULES, { namespace: this.ns, failed: data.failed.executions, more: data.failed.more, ui: this.ui });
    return html`<div class="stack">
      ${renderDiagnoses(problems, { label: this.resourceLabel(), tool: 'Temporal', locale: this.locale })}
      ${this.renderCounts(data)}
      ${this.renderSection('running', 'Running', data.running, data.counts, withStatuses(base, ['Running']))}
      ${this.renderSection('failed', 'Failed and timed out', data.failed, data.counts, withStatuses(base, FAILED_STATUSES))}
      ${this.renderNamespace(data)} ${this.renderLinks()}
    </div>`;
  }

  private get ns(): string {
    return this.namespace?.trim() ?? '';
  }

  private get visibilityQuery(): string {
    return visibilityQuery({ workflowType: this.workflowType, taskQueue: this.taskQueue, query: this.query });
  }


  private renderCounts(data: TemporalData): TemplateResult {
    const { counts } = data;
    const shown = COUNT_ORDER.filter(
      (status) => status === 'Running' || status === 'Failed' || (counts.byStatus.get(status) ?? 0) > 0,
    );
    const others = [...counts.byStatus.keys()].filter((status) => !(WORKFLOW_STATUSES as readonly string[]).includes(status));
    const label = counts.source === 'server' ? 'Workflows by status' : 'Workflows by status, of the listed page';
    return html`<div class="counts-block">
      <ul class="counts" part="counts" aria-label=${label}>
        ${[...shown, ...others].map((status) => html`<li>${this.countPill(status, counts)}</li>`)}
        ${counts.source === 'server' && counts.total !== undefined
          ? html`<li class="meta">${counts.total.toLocaleString(this.locale)} in total</li>`
          : nothing}
      </ul>
      ${counts.source === 'page'
        ? html`<p class="meta count-note">${`Counts are of the listed page only; the server count failed: ${data.countProblem ?? 'no answer'}.`}</p>`
        : nothing}
    </div>`;
  }

  private countPill(status: WorkflowStatus, counts: StatusCounts): TemplateResult {
    const count = counts.byStatus.get(status) ?? 0;
    const plus = counts.more?.has(status) ? '+' : '';
    return workflowStatusPill(status, `${count.toLocaleString(this.locale)}${plus} `);
  }

  private renderSection(
    id: string,
    title: string,
    page: WorkflowPage,
    counts: StatusCounts,
    query: string,
  ): TemplateResult {
    const titleId = `${id}-title`;
    const link = workflowsLink(this.ui, this.ns, query);
    const total = id === 'running'
      ? counts.byStatus.get('Running')
      : FAILED_STATUSES.reduce((sum, status) => sum + (counts.byStatus.get(status) ?? 0), 0);
    const ofTotal = counts.source === 'server' && total !== undefined && total > page.executions.length
      ? html` <span class="meta">latest ${page.executions.length} of ${total.toLocaleString(this.locale)}</span>`
      : nothing;
    const heading = html`<h3 id=${titleId}>${title}${ofTotal}
      ${link ? html` <a class="meta" href=${link} target="_blank" rel="noopener noreferrer">all in Temporal<span class="visually-hidden"> (opens in a new tab)</span></a>` : nothing}</h3>`;
    if (!page.executions.length) {
      return html`${heading}<p class="muted">No ${title.toLowerCase()} workflows.</p>`;
    }
    const closed = id !== 'running';
    return html`${heading}
      <div class="scroll" tabindex="0" role="region" aria-label=${`${title} workflows in ${this.resourceLabel()}`}>
        <table>
          <thead><tr>
            <th scope="col">Workflow ID</th>
            <th scope="col">Type</th>
            ${closed ? html`<th scope="col">Status</th>` : nothing}
            <th scope="col">Started</th>
            <th scope="col">${closed ? 'Closed' : 'Running for'}</th>
            <th scope="col">Task queue</th>
          </tr></thead>
          <tbody>${repeat(
            firstN(page.executions).shown,
            (e) => `${e.execution.workflowId}/${e.execution.runId ?? ''}`,
            (e) => this.renderRow(e, closed),
          )}</tbody>
        </table>
      </div>
      ${moreNote(page.executions.length - LIST_LIMIT, this.locale, 'open Temporal to see them all')}`;
  }

  private renderRow(execution: WorkflowExecution, closed: boolean): TemplateResult {
    const href = executionLink(this.ui, this.ns, execution);
    const id = execution.execution.workflowId;
    const started = parseTime(execution.startTime);
    const ended = parseTime(execution.closeTime);
    const duration = started ? formatDuration((ended?.getTime() ?? Date.now()) - started.getTime()) : '–';
    const history = toCount(execution.historyLength);
    return html`<tr>
      <td class="id">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${id}</a>` : id}
        ${history !== undefined ? html`<span class="meta">${history.toLocaleString(this.locale)} events</span>` : nothing}</td>
      <td><code>${execution.type?.name ?? '–'}</code></td>
      ${closed ? html`<td>${workflowStatusPill(normalizeStatus(execution.status))}</td>` : nothing}
      <td>${relativeTime(execution.startTime, this.locale, '–')}</td>
      <td>${closed
        ? html`${relativeTime(execution.closeTime, this.locale, '–')} <span class="meta">after ${duration}</span>`
        : duration}</td>
      <td><code>${execution.taskQueue ?? '–'}</code></td>
    </tr>`;
  }

  private renderNamespace(data: TemporalData): TemplateResult {
    const { namespaceInfo, config, replicationConfig, isGlobalNamespace } = data.namespace;
    const retention = formatRetention(config?.workflowExecutionRetentionTtl);
    return html`<dl class="namespace facts" aria-label="Namespace">
      <dt>Namespace</dt><dd><code>${namespaceInfo.name}</code>${isGlobalNamespace ? html` <span class="meta">(global, active in ${replicationConfig?.activeClusterName ?? '–'})</span>` : nothing}</dd>
      ${namespaceInfo.description ? html`<dt>Description</dt><dd>${namespaceInfo.description}</dd>` : nothing}
      ${retention ? html`<dt>Retention</dt><dd>${retention}</dd>` : nothing}
      ${namespaceInfo.ownerEmail ? html`<dt>Owner</dt><dd>${namespaceInfo.ownerEmail}</dd>` : nothing}
    </dl>`;
  }

  private renderLinks(): TemplateResult {
    const all = workflowsLink(this.ui, this.ns);
    const query = this.visibilityQuery;
    const filtered = query ? workflowsLink(this.ui, this.ns, query) : undefined;
    return html`<p class="row links">
      ${filtered ? externalLink(filtered, 'These workflows in Temporal') : nothing}
      ${all ? externalLink(all, html`Namespace ${this.ns} in Temporal`) : nothing}
    </p>`;
  }
}
