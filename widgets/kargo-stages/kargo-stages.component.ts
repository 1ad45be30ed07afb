import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  diagnose,
  renderDiagnoses,
  actionButton,
  ActionController,
  decideEach,
  endpointKey,
  externalLink,
  firstN,
  kitStyles,
  moreNote,
  relativeTime,
  statusPill,
  themeStyles,
  WidgetElement,
  WidgetError,
  type ActionDecision,
  type Decision,
  type LoadContext,
} from '../kit/index.js';
import {
  KARGO_FLAVORS,
  freightLink,
  kargoClient,
  projectLink,
  stageLink,
  type Freight,
  type FreightReference,
  type KargoFlavor,
  type Promotion,
  type Stage,
} from './kargo-stages.api.js';
import {
  aliasOf,
  availableFreight,
  currentFreight,
  freightHistory,
  pipelineOrder,
  promotionPhase,
  referenceLabel,
  shortId,
  type PipelineStep,
} from './kargo-stages.pipeline.js';
import { KARGO_RULES } from './kargo-stages.diagnosis.js';
import { promotionRun } from './kargo-stages.promote.js';
import { kargoStagesStyles } from './kargo-stages.styles.js';
import { HEALTH_TONES, KARGO_ACTIONS, PROMOTION_TONES, healthPill } from './kargo-stages.tones.js';
import type { BadgeSummary } from '../kit/index.js';
import { kargoStagesDescriptor } from './kargo-stages.descriptor.js';

export { KARGO_ACTIONS };

export interface KargoData {
  stages: Stage[];
  freight: Freight[];
  /** Undefined when ListPromotions failed: the stages' lastPromotion stands in. */
  promotions?: Promotion[];
  /** Promote decision per stage resourceRef. */
  decisions: ReadonlyMap<string, Decision>;
}

const HISTORY_ENTRIES = 3;
const AVAILABLE_ENTRIES = 5;

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/** Stage cards drawn at most (each is a dozen elements or more); the pipeline line shows more. */
const STAGE_LIMIT = 20;

/**
 * Kargo promotion pipeline of a project: warehouse → stages in order, each
 * stage's current freight, health, last promotion and history, the freight
 * available to promote into it, and a gated Promote action.
 *
 * @summary Kargo stages, freight and promotions.
 * @attr project - Kargo project.
 * @attr stage - Focus on one stage.
 * @attr api-flavor - `connect` (Kargo API server, default) or `kubernetes` (custom resources through the Kubernetes API).
 * @csspart pipeline - The ordered list of warehouses and stages.
 * @csspart stage - One stage's section.
 * @csspart action - An action button.
 * @event pw-action - A promotion was requested, succeeded, failed or cancelled.
 */
export class KargoStages extends WidgetElement<KargoData> {
  static override styles = [themeStyles, kitStyles, kargoStagesStyles];

  @property() project?: string;
  @property() stage?: string;
  @property({ attribute: 'api-flavor' }) apiFlavor?: string;

  /** Promotions: the one under way is keyed `stage/freight`, their statuses by stage. */
  private readonly promotions = new ActionController(this, this.confirm, (detail) => this.notify('pw-action', detail));

  protected readonly system = 'kargo' as const;
  protected override readonly skeletonLines = 8;

  protected missingConfig(): string | undefined {
    if (!this.project) return this.unsetRequired(kargoStagesDescriptor);
    if (this.apiFlavor && !(KARGO_FLAVORS as readonly string[]).includes(this.apiFlavor)) {
      return `Set api-flavor to ${KARGO_FLAVORS.join(' or ')}.`;
    }
    return undefined;
  }

  protected configKey(): string {
    return JSON.stringify([this.project, this.stage, this.flavor]);
  }

  protected resourceLabel(): string {
    if (!this.project) return '';
    return this.stage ? `${this.project} / ${this.stage}` : this.project;
  }

  protected override resourceRef(): string {
    return `${endpointKey('kargo', this.instance)}/${this.project ?? ''}`;
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<KargoData> {
    const client = kargoClient(this.flavor);
    const call = { host, signal, fresh, instance: this.instance, project: this.project ?? '' };
    const [stages, freight, promotions] = await Promise.all([
      client.listStages(call),
      client.listFreight(call),
      client.listPromotions(call).catch((error: unknown) => {
        if (isAbort(error, signal)) throw error;
        return undefined;
      }),
    ]);
    const focus = this.stage;
    if (focus && stages.length && !stages.some((stage) => stage.metadata.name === focus)) {
      throw new WidgetError('not-found', `No stage ${focus} in project ${call.project}`);
    }
    const shown = focus ? [focus] : stages.map((stage) => stage.metadata.name);
    const decisions = await decideEach(host, KARGO_ACTIONS.promote, shown.map((name) => this.stageRef(name)));
    return { stages, freight, promotions, decisions };
  }

  protected isEmpty(data: KargoData): boolean {
    return data.stages.length === 0;
  }

  protected deepLink(): string | undefined {
    const project = this.project ?? '';
    return this.stage ? stageLink(this.ui, project, this.stage) : projectLink(this.ui, project);
  }

  protected override renderSummary(data: KargoData): unknown {
    const focused = data.stages.find((stage) => stage.metadata.name === this.stage);
    if (focused) return healthPill(focused);
    const unhealthy = data.stages.filter((stage) => (HEALTH_TONES[stage.status?.health?.status ?? stage.status?.phase ?? ''] ?? 'unknown') !== 'ok').length;
    return html`<span class="meta">${data.stages.length} stages</span>
      ${unhealthy ? statusPill('warn', `${unhealthy} not healthy`) : statusPill('ok', 'All healthy')}`;
  }

  protected override summarize(data: KargoData): BadgeSummary {
    const health = (stage: Stage) => stage.status?.health?.status ?? stage.status?.phase ?? 'Unknown';
    const focused = data.stages.find((stage) => stage.metadata.name === this.stage);
    if (focused) return { parts: [{ tone: HEALTH_TONES[health(focused)] ?? 'unknown', text: `${focused.metadata.name} ${health(focused)}`, title: focused.status?.message ?? undefined }] };
    if (!data.stages.length) return { parts: [{ tone: 'info', text: 'no stages' }] };
    const unhealthy = data.stages.filter((stage) => (HEALTH_TONES[health(stage)] ?? 'unknown') !== 'ok').length;
    return { parts: [{ text: `${data.stages.length} stages` }, unhealthy ? { tone: 'warn', text: `${unhealthy} not healthy` } : { tone: 'ok', text: 'all healthy' }] };
  }

  protected renderEmpty(): unknown {
    return html`<p class="notice" part="empty">No stages in project <code>${this.project}</code> yet.</p>${this.projectLink()}`;
  }

  protected renderReady(data: KargoData): unknown {
    const steps = pipelineOrder(data.stages);
    const { shown, more } = firstN(steps.flatMap((step, index) =>
      step.kind === 'stage' && (!this.stage || step.name === this.stage) ? [{ step, index }] : [],
    ), STAGE_LIMIT);
    const project = this.project ?? '';
    const stages = this.stage ? data.stages.filter((stage) => stage.metadata.name === this.stage) : data.stages;
    const problems = diagnose(KARGO_RULES, { project, stages, promotions: data.promotions, ui: this.ui });
    return html`<div class="stack">
      ${renderDiagnoses(problems, { label: this.resourceLabel(), tool: 'Kargo', locale: this.locale })}
      ${this.renderPipeline(steps)}
      ${repeat(shown, ({ step }) => step.name, ({ step, index }) => this.renderStage(step.stage, index, data))}
      ${moreNote(more, this.locale, 'set the stage attribute to show one')}
      <p>${this.projectLink()}</p>
    </div>`;
  }

  private get flavor(): KargoFlavor {
    return this.apiFlavor === 'kubernetes' ? 'kubernetes' : 'connect';
  }


  private stageRef(stage: string): string {
    return `${endpointKey('kargo', this.instance)}/${this.project ?? ''}/${stage}`;
  }

  private stageDecision(stage: string): ActionDecision {
    const data = this.data;
    return data ? (data.decisions.get(this.stageRef(stage)) ?? 'deny') : 'pending';
  }

  /** The whole project, even when the card shows one stage. */
  private projectLink(): TemplateResult | typeof nothing {
    return externalLink(projectLink(this.ui, this.project ?? ''), 'Open project in Kargo');
  }

  // ---- Pipeline ----------------------------------------------------------------------

  private renderPipeline(steps: PipelineStep[]): TemplateResult {
    const { shown, more } = firstN(steps);
    return html`<ol class="pipeline" part="pipeline" aria-label="Promotion pipeline">
      ${shown.map((step, index) => {
        const previous = steps[index - 1]?.name;
        const from = step.kind === 'stage' && (step.from.length > 1 || step.from[0] !== previous) ? step.from : [];
        return html`<li aria-current=${step.kind === 'stage' && step.name === this.stage ? 'step' : 'false'}>
          ${index > 0 ? html`<span class="arrow" aria-hidden="true">→</span>` : nothing}
          <span class="step ${step.kind}">
            ${step.kind === 'warehouse'
              ? html`<span class="meta">Warehouse</span> ${step.name}`
              : html`${step.name} ${healthPill(step.stage)}`}
            ${from.length ? html`<span class="meta">from ${from.join(', ')}</span>` : nothing}
          </span>
        </li>`;
      })}
    </ol>${moreNote(more, this.locale, 'open the project in Kargo to see them all')}`;
  }

  // ---- One stage ---------------------------------------------------------------------

  private renderStage(stage: Stage, index: number, data: KargoData): TemplateResult {
    const name = stage.metadata.name;
    const titleId = `stage-${index}-title`;
    const issues = stage.status?.health?.issues ?? [];
    const href = stageLink(this.ui, this.project ?? '', name);
    const status = this.promotions.status(name);
    return html`<section class="stage" part="stage" aria-label=${`Stage ${name} of ${this.project ?? ''}`}>
      <h3 id=${titleId}>
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${name}</a>` : name}
        ${healthPill(stage)}
      </h3>
      ${issues.length ? html`<ul class="chips issues" aria-label="Health issues">${issues.map((issue) => html`<li>${issue}</li>`)}</ul>` : nothing}
      <dl class="facts">
        <dt>Current freight</dt>
        <dd>${this.renderReferences(currentFreight(stage), data.freight, 'None yet')}</dd>
        <dt>Last promotion</dt>
        <dd>${this.renderLastPromotion(stage, data.promotions)}</dd>
        <dt>History</dt>
        <dd>${this.renderHistory(stage, data.freight)}</dd>
      </dl>
      ${this.renderAvailable(stage, index, data.freight)}
      <p role="status" class="action-status">${status ? statusPill(status.tone, status.message) : nothing}</p>
    </section>`;
  }

  private renderReferences(references: FreightReference[], all: readonly Freight[], none: string): TemplateResult {
    if (!references.length) return html`<span class="muted">${none}</span>`;
    return html`${references.map((reference) => html`<span class="freight">
      ${this.freightName(reference.name ?? reference.id, referenceLabel(reference, all))}
      ${this.renderArtifacts(reference)}
    </span>`)}`;
  }

  private freightName(name: string | null | undefined, label: string): TemplateResult {
    const href = name ? freightLink(this.ui, this.project ?? '', name) : undefined;
    return href
      ? html`<a class="alias" href=${href} target="_blank" rel="noopener noreferrer" title=${name ?? ''}>${label}</a>`
      : html`<strong class="alias">${label}</strong>`;
  }

  private renderArtifacts(freight: Pick<Freight, 'images' | 'commits' | 'charts'>): TemplateResult {
    return html`<ul class="chips artifacts">
      ${(freight.images ?? []).map((image) => html`<li><code title=${image.digest ?? ''}>${`${image.repoURL ?? '–'}:${image.tag ?? image.digest ?? '–'}`}</code></li>`)}
      ${(freight.commits ?? []).map((commit) => html`<li>commit <code title=${`${commit.repoURL ?? ''} ${commit.message ?? ''}`}>${commit.tag ?? shortId(commit.id)}</code></li>`)}
      ${(freight.charts ?? []).map((chart) => html`<li>chart <code>${`${chart.name ?? chart.repoURL ?? '–'}:${chart.version ?? '–'}`}</code></li>`)}
    </ul>`;
  }

  private renderLastPromotion(stage: Stage, promotions: readonly Promotion[] | undefined): TemplateResult {
    const last = stage.status?.lastPromotion;
    if (!last) return html`<span class="muted">None yet</span>`;
    const { phase = 'Unknown', message } = promotionPhase(last.name ?? '', stage, promotions);
    const finished = last.finishedAt ?? last.status?.finishedAt;
    return html`${statusPill(PROMOTION_TONES[phase] ?? 'unknown', phase, message)}
      ${finished ? html`<span class="meta">${relativeTime(finished, this.locale)}</span>` : nothing}
      ${message && PROMOTION_TONES[phase] === 'error' ? html`<span>${message}</span>` : nothing}`;
  }

  private renderHistory(stage: Stage, all: readonly Freight[]): TemplateResult {
    const entries = freightHistory(stage, HISTORY_ENTRIES);
    if (!entries.length) return html`<span class="muted">No earlier freight</span>`;
    return html`<ol class="chips history" aria-label="Earlier freight, newest first">
      ${entries.map((references) => html`<li>${references.map((reference) => html`<span title=${reference.name ?? ''}>${referenceLabel(reference, all)}</span> `)}</li>`)}
    </ol>`;
  }

  private renderAvailable(stage: Stage, index: number, all: readonly Freight[]): TemplateResult {
    const name = stage.metadata.name;
    const available = availableFreight(stage, all);
    const headingId = `stage-${index}-available`;
    if (!available.length) return html`<p class="muted">No new freight to promote.</p>`;
    return html`<h4 id=${headingId}>Available to promote <span class="meta">${Math.min(available.length, AVAILABLE_ENTRIES)} of ${available.length}</span></h4>
      <ul class="chips available" aria-labelledby=${headingId}>
        ${available.slice(0, AVAILABLE_ENTRIES).map((freight, position) => html`<li>
          ${this.freightName(freight.metadata.name, aliasOf(freight))}
          ${freight.metadata.creationTimestamp ? html`<span class="meta">${relativeTime(freight.metadata.creationTimestamp, this.locale)}</span>` : nothing}
          ${this.renderArtifacts(freight)}
          ${actionButton({
            id: `promote-${index}-${position}`,
            label: `Promote ${aliasOf(freight)}`,
            // One promotion at a time: the others wait, still labelled as themselves.
            busyLabel: this.promotions.running === `${name}/${freight.metadata.name}` ? 'Promoting…' : `Promote ${aliasOf(freight)}`,
            decision: this.stageDecision(name),
            busy: this.promotions.running !== undefined,
            deniedReason: `Promote to ${name}: no permission`,
            onClick: () => void this.promote(stage, freight),
          })}
        </li>`)}
      </ul>`;
  }

  // ---- Promote -----------------------------------------------------------------------

  private promote(stage: Stage, freight: Freight): Promise<void> {
    const host = this.effectiveHost;
    const project = this.project;
    if (!host || !project) return Promise.resolve();
    const run = promotionRun({
      call: { host, instance: this.instance, project, stage: stage.metadata.name, freight: freight.metadata.name },
      flavor: this.flavor,
      alias: aliasOf(freight),
      resourceRef: this.stageRef(stage.metadata.name),
      reload: () => this.reload(),
      data: () => this.data,
      active: () => this.isConnected,
    });
    return this.promotions.run(`${stage.metadata.name}/${freight.metadata.name}`, run, stage.metadata.name);
  }
}
