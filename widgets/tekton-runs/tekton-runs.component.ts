import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  buildHashUrl,
  WidgetElement,
  diagnose,
  renderDiagnoses,
  type Diagnosis,
  formatDuration,
  kitStyles,
  type LoadContext,
  relativeTime,
  statusPill,
  themeStyles,
  workloadSelectionProblem,
  workloadSelector,
} from '../kit/index.js';
import { listPipelineRuns, listTaskRunsOf, runLink, runsLink, type TaskRun } from './tekton-runs.api.js';
import { TEKTON_RULES } from './tekton-runs.diagnosis.js';
import {
  RUN_TONES,
  SEVERITIES,
  newestFirst,
  runDuration,
  summarise,
  toRunView,
  withFailedTasks,
  type RunView,
  type ScanSummary,
} from './tekton-runs.model.js';
import { tektonRunsStyles } from './tekton-runs.styles.js';
import type { BadgeSummary } from '../kit/index.js';
import { tektonRunsDescriptor } from './tekton-runs.descriptor.js';

export const DEFAULT_LIMIT = 10;
export { KUBERNETES_ID_LABEL } from '../kit/index.js';

export interface TektonData {
  /** The newest `limit` runs, newest first. */
  runs: RunView[];
  /** How many runs matched before the limit. */
  matched: number;
  /** Whether the failed runs' TaskRuns could be read (they name the failed task). */
  taskRuns: 'not-needed' | 'loaded' | 'unavailable';
  problems: Diagnosis[];
}

/**
 * Recent Tekton PipelineRuns of a service: status (Succeeded, Failed, Cancelled,
 * Running, Pending), start, duration, pipeline, the failed task with its message,
 * vulnerability counts from `*SCAN_OUTPUT` results, and links into the Tekton Dashboard.
 * The host shows it for entities annotated `tekton.dev/cicd: "true"`.
 *
 * @summary Recent Tekton PipelineRuns with status, failed task and scan results.
 * @attr namespace - Namespace of the PipelineRuns.
 * @attr kubernetes-id - Selects runs labelled `backstage.io/kubernetes-id=<id>`.
 * @attr label-selector - Label selector for the runs; wins over kubernetes-id.
 * @attr limit - How many of the newest runs to show (default 10).
 * @cssproperty --pw-list-height - Height of the scrolling run list (default 320px).
 */
export class TektonRuns extends WidgetElement<TektonData> {
  static override styles = [themeStyles, kitStyles, tektonRunsStyles];

  @property() namespace?: string;
  @property({ attribute: 'kubernetes-id' }) kubernetesId?: string;
  @property({ attribute: 'label-selector' }) labelSelector?: string;
  @property({ type: Number }) limit?: number;

  protected readonly system = 'tekton' as const;
  protected override readonly openLinkLabel = 'Open runs in Tekton Dashboard';
  protected override readonly skeletonLines = 6;

  /** The selector sent to Kubernetes: label-selector wins over kubernetes-id. */
  get effectiveSelector(): string | undefined {
    return workloadSelector(this);
  }

  protected missingConfig(): string | undefined {
    return workloadSelectionProblem(this, tektonRunsDescriptor);
  }

  protected configKey(): string {
    return JSON.stringify([this.namespace, this.effectiveSelector, this.shownLimit]);
  }

  protected resourceLabel(): string {
    return this.labelSelector || this.kubernetesId || '';
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<TektonData> {
    const namespace = this.namespace ?? '';
    const query = { instance: this.instance, namespace, labelSelector: this.effectiveSelector ?? '' };
    const all = newestFirst(await listPipelineRuns({ host, signal, fresh, query }));
    const shown = all.slice(0, this.shownLimit);
    const runs = shown.map(toRunView);
    const problems = (taskRuns: readonly TaskRun[] = []) => diagnose(TEKTON_RULES, { runs: shown, taskRuns, ui: this.ui });
    const failed = runs.filter((run) => run.status === 'Failed').map((run) => run.name);
    if (!failed.length) return { runs, matched: all.length, taskRuns: 'not-needed', problems: problems() };
    try {
      const taskRuns = await listTaskRunsOf({ host, signal, fresh, query: { instance: this.instance, namespace }, runNames: failed });
      return { runs: withFailedTasks(runs, taskRuns), matched: all.length, taskRuns: 'loaded', problems: problems(taskRuns) };
    } catch (error) {
      // The run list is what matters; without TaskRuns the condition message still explains the failure.
      if (signal.aborted) throw error;
      return { runs, matched: all.length, taskRuns: 'unavailable', problems: problems() };
    }
  }

  protected isEmpty(data: TektonData): boolean {
    return data.runs.length === 0;
  }

  protected deepLink(): string | undefined {
    return this.namespace ? runsLink(this.ui, this.namespace, this.effectiveSelector) : buildHashUrl(this.ui, ['pipelineruns']);
  }

  protected override renderSummary(data: TektonData): unknown {
    const { last, succeeded, total } = summarise(data.runs);
    if (!last) return nothing;
    return html`<span class="meta">Last run</span> ${statusPill(RUN_TONES[last.status], last.status, last.message)}
      <span class="meta summary-count">${succeeded} of ${total} succeeded</span>`;
  }

  protected override summarize(data: TektonData): BadgeSummary {
    const { last, succeeded, total } = summarise(data.runs);
    if (!last) return { parts: [{ tone: 'info', text: 'no runs' }] };
    return { parts: [
      { tone: RUN_TONES[last.status], text: `last run ${last.status.toLowerCase()}`, title: last.message },
      { text: `${succeeded} of ${total} succeeded` },
    ] };
  }

  protected renderEmpty(): unknown {
    return html`<p class="notice" part="empty">
        No PipelineRuns match <code>${this.effectiveSelector}</code> in namespace <code>${this.namespace}</code>.
      </p>
      ${this.openLink()}`;
  }

  protected renderReady(data: TektonData): unknown {
    const now = Date.now();
    return html`${renderDiagnoses(data.problems, { label: this.resourceLabel(), tool: 'Tekton Dashboard', locale: this.locale })}
      <div class="scroll" tabindex="0" role="region" aria-label=${`PipelineRuns of ${this.resourceLabel()}, newest first`}>
        <table>
          <thead>
            <tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Duration</th></tr>
          </thead>
          <tbody>${repeat(data.runs, (run) => run.name, (run) => this.renderRun(run, now))}</tbody>
        </table>
      </div>
      <p class="row foot">
        ${this.openLink()}
        ${data.matched > data.runs.length ? html`<span class="meta">newest ${data.runs.length} of ${data.matched} runs</span>` : nothing}
        ${data.taskRuns === 'unavailable' ? html`<span class="meta">Failed-task details unavailable</span>` : nothing}
      </p>`;
  }

  private get shownLimit(): number {
    const limit = this.limit;
    return limit !== undefined && Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_LIMIT;
  }


  private renderRun(run: RunView, now: number): TemplateResult {
    const href = runLink(this.ui, run.namespace ?? this.namespace ?? '', run.name);
    return html`<tr data-run=${run.name}>
      <td class="run">
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${run.name}</a>` : html`<span>${run.name}</span>`}
        ${run.pipeline ? html`<span class="meta">pipeline <code>${run.pipeline}</code></span>` : nothing}
        ${this.renderProblem(run)} ${run.scans.map((scan) => this.renderScan(scan))}
      </td>
      <td>
        ${statusPill(RUN_TONES[run.status], run.status, run.message)}
        ${run.reasonLabel ? html`<span class="meta reason">${run.reasonLabel}</span>` : nothing}
      </td>
      <td>${relativeTime(run.startedAt, this.locale, 'not started')}</td>
      <td>${this.renderDuration(run, now)}</td>
    </tr>`;
  }

  private renderDuration(run: RunView, now: number): TemplateResult {
    const ms = runDuration(run, now);
    if (ms === undefined) return html`<span class="muted">–</span>`;
    return run.status === 'Running' && !run.completedAt
      ? html`<span>running for ${formatDuration(ms)}</span>`
      : html`<span>${formatDuration(ms)}</span>`;
  }

  private renderProblem(run: RunView): unknown {
    if (run.status !== 'Failed' && run.status !== 'Cancelled') return nothing;
    if (run.failedTask) {
      return html`<span class="problem">Failed task <code>${run.failedTask}</code>${run.failedTaskMessage || run.message
        ? html`: <span class="message">${run.failedTaskMessage ?? run.message}</span>`
        : nothing}</span>`;
    }
    return run.message ? html`<span class="problem message">${run.message}</span>` : nothing;
  }

  private renderScan(scan: ScanSummary): TemplateResult {
    const label = scan.name.replace(/_?SCAN_OUTPUT$/, '').replace(/_/g, ' ') || 'Scan';
    if (!scan.ok) return html`<span class="scan" title=${scan.name}>${`${label}: scan output unreadable`}</span>`;
    const parts = SEVERITIES.filter((severity) => scan.counts[severity] !== undefined).map((severity, index) => {
      const count = scan.counts[severity] ?? 0;
      const serious = count > 0 && (severity === 'critical' || severity === 'high');
      return html`${index ? ', ' : ''}<span class=${serious ? 'severity serious' : 'severity'}>${`${count} ${severity}`}</span>`;
    });
    return html`<span class="scan" title=${scan.name}>${label} vulnerabilities: ${parts}</span>`;
  }
}
