import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  annotationsOf,
  DEFAULT_DASHBOARD_CLUSTER,
  WidgetElement,
  buildUrl,
  kitStyles,
  relativeTime,
  statusPill,
  themeStyles,
  toWidgetError,
  workloadSelector,
  type LoadContext,
  type PlatformHost,
  type SystemId,
} from '../kit/index.js';
import {
  getApplications,
  getArtifact,
  links,
  listPods,
  listPromotions,
  listStages,
  parseRepositorySlug,
  queryFreight,
  type RepositorySlug,
} from './image-trail.api.js';
import {
  STEP_LABELS,
  STEP_TONES,
  TRAIL_TOOLS,
  answer,
  argoStep,
  gap,
  harborStep,
  isDigest,
  kargoStep,
  podsStep,
  shortDigest,
  unknown,
  type TrailStep,
  type TrailTool,
} from './image-trail.model.js';
import { imageTrailStyles } from './image-trail.styles.js';
import { imageTrailDescriptor } from './image-trail.descriptor.js';

export interface TrailData {
  digest: string;
  /** The tag the digest was resolved from, when the widget was given a tag. */
  tag?: string;
  steps: TrailStep[];
}

const TOOL_TITLES: Readonly<Record<TrailTool, string>> = { harbor: 'Harbor', kargo: 'Kargo', argocd: 'Argo CD', kubernetes: 'Kubernetes' };

/**
 * Where is this image? Follows one digest across the tools, in the order it reaches them:
 * Harbor (pushed when, vulnerabilities), Kargo (the freight carrying it, which stages have
 * it, promotions pending or failed), Argo CD (applications whose `summary.images` show it,
 * synced and healthy?) and Kubernetes (pods whose `containerStatuses[].imageID` is that
 * digest), with the time at each step. A tag is first resolved to its digest through Harbor:
 * a tag alone is no proof. A tool that is not configured is a gap, one that fails is "unknown".
 *
 * @summary Follows one image digest from Harbor through Kargo and Argo CD to running pods.
 * @attr repository-slug - Harbor `project/repository`.
 * @attr tag - Image tag, resolved to its digest through Harbor.
 * @attr digest - Image digest `sha256:…`; wins over tag.
 * @attr kargo-project - Kargo project whose freight and stages to search.
 * @attr app-name - Argo CD application.
 * @attr app-selector - Argo CD applications by label selector.
 * @attr namespace - Namespace of the pods.
 * @attr kubernetes-id - Selects pods labelled `backstage.io/kubernetes-id=<id>`.
 * @attr label-selector - Label selector for the pods; wins over kubernetes-id.
 * @attr cluster - Cluster segment of Kubernetes dashboard links (default `main`).
 * @csspart trail - The ordered list of steps.
 * @event pw-error - Resolving the tag failed: `{ system, kind, status?, reason }`.
 */
export class ImageTrail extends WidgetElement<TrailData> {
  static override styles = [themeStyles, kitStyles, imageTrailStyles];

  @property({ attribute: 'repository-slug' }) repositorySlug?: string;
  @property() tag?: string;
  @property() digest?: string;
  @property({ attribute: 'kargo-project' }) kargoProject?: string;
  @property({ attribute: 'app-name' }) appName?: string;
  @property({ attribute: 'app-selector' }) appSelector?: string;
  @property() namespace?: string;
  @property({ attribute: 'kubernetes-id' }) kubernetesId?: string;
  @property({ attribute: 'label-selector' }) labelSelector?: string;
  @property() cluster?: string;

  protected readonly system = 'harbor' as const;
  protected override readonly skeletonLines = 8;

  override get toolName(): string {
    return 'Image trail';
  }

  protected override systems(): readonly SystemId[] {
    return ['harbor', 'kargo', 'argocd', 'kubernetes'];
  }

  protected override linkToolName(): string {
    return 'Harbor';
  }

  private get slug(): RepositorySlug | undefined {
    return parseRepositorySlug(this.repositorySlug);
  }

  private get givenDigest(): string | undefined {
    const digest = this.digest?.trim();
    return isDigest(digest) ? digest.toLowerCase() : undefined;
  }

  protected missingConfig(): string | undefined {
    if (this.digest?.trim() && !this.givenDigest) return `digest "${this.digest}" is not a digest such as sha256:… (annotation ${annotationsOf(imageTrailDescriptor, 'digest')}).`;
    if (this.givenDigest) return undefined;
    if (!this.tag?.trim()) return `Set digest (annotation ${annotationsOf(imageTrailDescriptor, 'digest')}), or tag (annotation ${annotationsOf(imageTrailDescriptor, 'tag')}) with repository-slug.`;
    if (!this.slug) return `A tag is resolved to its digest through Harbor: set repository-slug as "project/repository" (annotation ${annotationsOf(imageTrailDescriptor, 'repository-slug')}).`;
    if (!this.usableEndpoint('harbor')) return 'A tag is resolved to its digest through Harbor, and no Harbor endpoint is configured (endpoints["harbor"]): set digest instead.';
    return undefined;
  }

  protected configKey(): string {
    return JSON.stringify([this.repositorySlug, this.tag, this.digest, this.kargoProject, this.appName, this.appSelector, this.namespace, this.kubernetesId, this.labelSelector]);
  }

  protected resourceLabel(): string {
    const where = this.repositorySlug?.trim() ?? '';
    const what = this.givenDigest ? shortDigest(this.givenDigest) : this.tag?.trim() ?? this.digest ?? '';
    return where && what ? `${where}${this.givenDigest ? '@' : ':'}${what}` : where || what;
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<TrailData> {
    const tag = this.givenDigest ? undefined : this.tag?.trim();
    const resolved = await this.harbor(host, signal, fresh, tag);
    const { digest } = resolved;
    const guard = async (tool: TrailTool, run: () => Promise<TrailStep>): Promise<TrailStep> => {
      try {
        return await run();
      } catch (error) {
        if (signal.aborted) throw error;
        return unknown(tool, toWidgetError(error).reason);
      }
    };
    const rest = await Promise.all([
      guard('kargo', () => this.kargo(host, signal, fresh, digest)),
      guard('argocd', () => this.argo(host, signal, fresh, digest, resolved.tags)),
      guard('kubernetes', () => this.pods(host, signal, fresh, digest)),
    ]);
    return { digest, tag, steps: [resolved.step, ...rest] };
  }

  /** The digest to follow and Harbor's step. A tag Harbor cannot resolve leaves nothing to follow: the card degrades. */
  private async harbor(host: PlatformHost, signal: AbortSignal, fresh: boolean, tag: string | undefined): Promise<{ digest: string; tags: string[]; step: TrailStep }> {
    const given = this.givenDigest;
    const slug = this.slug;
    const endpoint = this.usableEndpoint('harbor');
    if (given && (!endpoint || !slug)) {
      return { digest: given, tags: [], step: gap('harbor', endpoint ? `set repository-slug (annotation ${annotationsOf(imageTrailDescriptor, 'repository-slug')})` : 'no Harbor endpoint') };
    }
    try {
      const artifact = await getArtifact({ host, signal, fresh, slug: slug as RepositorySlug, reference: given ?? tag ?? '' });
      const digest = artifact.digest.toLowerCase();
      const link = artifact.project_id !== undefined && artifact.project_id !== null ? links.artifact(endpoint?.ui, artifact.project_id, (slug as RepositorySlug).repository, digest) : undefined;
      return { digest, tags: (artifact.tags ?? []).map((t) => t.name), step: harborStep(artifact, link) };
    } catch (error) {
      if (signal.aborted || !given) throw error;
      const failure = toWidgetError(error);
      const step: TrailStep = failure.kind === 'not-found'
        ? { tool: 'harbor', state: 'absent', headline: 'this digest is not in the repository', lines: [] }
        : unknown('harbor', failure.reason);
      return { digest: given, tags: [], step };
    }
  }

  private async kargo(host: PlatformHost, signal: AbortSignal, fresh: boolean, digest: string): Promise<TrailStep> {
    const project = this.kargoProject?.trim();
    const ui = this.usableEndpoint('kargo')?.ui;
    if (!this.usableEndpoint('kargo')) return gap('kargo', 'no Kargo endpoint');
    if (!project) return gap('kargo', `set kargo-project (annotation ${annotationsOf(imageTrailDescriptor, 'kargo-project')})`);
    const call = { host, signal, fresh, project };
    const [freight, stages, promotions] = await Promise.all([queryFreight(call), listStages(call), listPromotions(call).catch(() => [])]);
    return kargoStep(digest, freight, stages, promotions, { freight: (name) => links.freight(ui, project, name), stage: (name) => links.stage(ui, project, name) });
  }

  private async argo(host: PlatformHost, signal: AbortSignal, fresh: boolean, digest: string, tags: string[]): Promise<TrailStep> {
    const endpoint = this.usableEndpoint('argocd');
    if (!endpoint) return gap('argocd', 'no Argo CD endpoint');
    const appName = this.appName?.trim();
    const selector = this.appSelector?.trim();
    if (!appName && !selector) return gap('argocd', `set app-name or app-selector (annotations ${annotationsOf(imageTrailDescriptor, 'app-name')}, ${annotationsOf(imageTrailDescriptor, 'app-selector')})`);
    const apps = await getApplications({ host, signal, fresh, appName, selector: appName ? undefined : selector });
    return argoStep(digest, apps, tags, this.slug?.repository, (name) => links.application(endpoint.ui, name));
  }

  private async pods(host: PlatformHost, signal: AbortSignal, fresh: boolean, digest: string): Promise<TrailStep> {
    const endpoint = this.usableEndpoint('kubernetes');
    if (!endpoint) return gap('kubernetes', 'no Kubernetes endpoint');
    const namespace = this.namespace?.trim();
    const selector = workloadSelector(this);
    if (!namespace || !selector) {
      return gap('kubernetes', `set namespace and kubernetes-id or label-selector (annotations ${annotationsOf(imageTrailDescriptor, 'namespace')}, ${annotationsOf(imageTrailDescriptor, 'kubernetes-id')})`);
    }
    const pods = await listPods({ host, signal, fresh, namespace, labelSelector: selector });
    const cluster = this.cluster?.trim() || DEFAULT_DASHBOARD_CLUSTER;
    return podsStep(digest, pods, (pod) => links.pod(endpoint.ui, cluster, pod.metadata.namespace ?? namespace, pod.metadata.name));
  }

  protected isEmpty(): boolean {
    return false;
  }

  protected deepLink(): string | undefined {
    return buildUrl(this.usableEndpoint('harbor')?.ui, ['harbor', 'projects']);
  }

  protected override renderSummary(data: TrailData): unknown {
    const result = answer(data.steps);
    return statusPill(result.tone, result.text);
  }

  protected renderEmpty(): unknown {
    return nothing;
  }

  protected renderReady(data: TrailData): unknown {
    return html`<p class="digest">Following <code title=${data.digest}>${shortDigest(data.digest)}</code>${data.tag
        ? html` <span class="meta">(tag <code>${data.tag}</code>, resolved through Harbor)</span>`
        : nothing}</p>
      <ol class="trail" part="trail" aria-label=${`Trail of ${this.resourceLabel()}`}>
        ${TRAIL_TOOLS.map((tool) => data.steps.find((step) => step.tool === tool)).map((step) => (step ? this.renderStep(step) : nothing))}
      </ol>`;
  }

  private renderStep(step: TrailStep): TemplateResult {
    return html`<li class="step" data-tool=${step.tool} data-state=${step.state}>
      <div class="step-head">
        <strong>${TOOL_TITLES[step.tool]}</strong> ${statusPill(STEP_TONES[step.state], STEP_LABELS[step.state])}
        ${step.at ? html`<span class="meta">${relativeTime(step.at, this.locale)}</span>` : nothing}
      </div>
      <p class="headline">${this.link(step.link, step.headline, TOOL_TITLES[step.tool])}</p>
      ${step.lines.length
        ? html`<ul class="lines">${step.lines.map((line) => html`<li>${statusPill(line.tone, line.text)}
            ${line.at ? html`<span class="meta">${relativeTime(line.at, this.locale)}</span>` : nothing}
            ${line.link ? this.link(line.link, 'open', TOOL_TITLES[step.tool], line.text) : nothing}</li>`)}</ul>`
        : nothing}
    </li>`;
  }

  private link(href: string | undefined, text: string, tool: string, about = text): TemplateResult | string {
    return href
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer" aria-label=${`${about}: open in ${tool} (opens in a new tab)`}>${text}<span aria-hidden="true"> ↗</span></a>`
      : text;
  }
}

