import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  annotationsOf,
  endpointKey,
  externalLink,
  firstN,
  WidgetElement,
  diagnose,
  renderDiagnoses,
  type Diagnosis,
  kitStyles,
  type LoadContext,
  moreNote,
  parseTime,
  relativeTime,
  resolveEndpoint,
  statusPill,
  themeStyles,
} from '../kit/index.js';
import {
  artifactLink,
  getVulnerabilities,
  listArtifacts,
  projectLink,
  projectsLink,
  repositoryLink,
  type Artifact,
  type VulnerabilityReports,
} from './harbor-vulns.api.js';
import { HARBOR_RULES } from './harbor-vulns.diagnosis.js';
import {
  scanLabel,
  scanTone,
  SEVERITIES,
  SEVERITY_LABELS,
  findingsTone,
  formatBytes,
  newestFirst,
  parseSlug,
  readScan,
  scanHeadline,
  shortDigest,
  tagRows,
  type ArtifactView,
  type RepositorySlug,
  type ScanView,
  type TagRow,
} from './harbor-vulns.model.js';
import { harborVulnsStyles } from './harbor-vulns.styles.js';
import type { BadgeSummary, Tone } from '../kit/index.js';
import type { Severity } from './harbor-vulns.model.js';
import { harborVulnsDescriptor } from './harbor-vulns.descriptor.js';

export interface HarborData {
  /** Newest push first. */
  artifacts: ArtifactView[];
  /** Harbor's numeric project id (from the artifacts), for UI links. */
  projectId?: number;
  problems: Diagnosis[];
}

function toView(artifact: Artifact): ArtifactView {
  return {
    digest: artifact.digest,
    projectId: artifact.project_id ?? undefined,
    repositoryName: artifact.repository_name ?? undefined,
    tags: (artifact.tags ?? []).map((tag) => ({ name: tag.name, pushedAt: parseTime(tag.push_time), pulledAt: parseTime(tag.pull_time) })),
    size: artifact.size ?? undefined,
    pushedAt: parseTime(artifact.push_time),
    pulledAt: parseTime(artifact.pull_time),
    scan: readScan(artifact.scan_overview),
  };
}

/** Artifact rows drawn at most (a row carries a dozen or more elements). */
const ARTIFACT_LIMIT = 50;

/**
 * Vulnerabilities of a Harbor repository's newest images: one row per tag with its push and
 * pull time ("never pulled" for Harbor's zero time), the artifact's size and scan — findings per
 * severity (critical, high, medium, low: colour **and** text), fixable count, scanner and
 * time, or the scan's state when there are no findings to count (not scanned, queued,
 * scanning, stopped, failed). One request reads tags and scan summaries of the newest ten
 * artifacts; both report keys of `scan_overview` are read (Harbor ≥ 2.8 writes
 * `application/vnd.security.vulnerability.report; version=1.1`, older Harbor
 * `application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0`).
 *
 * The slug's host part: `host/project/repo` (a first part with `.` or `:`, or `localhost`)
 * picks `endpoints["harbor:<host>"]` when the host configured one; otherwise the default
 * `harbor` endpoint is used and the host is only shown. An explicit `instance` wins.
 *
 * Deep links follow Harbor ≥ 2.8 UI routes: project, repository (`/` in its name as
 * `%252F`) and each artifact by digest. Until an artifact has told the project's numeric id
 * (empty repository, first load failed) the link opens Harbor's project list.
 *
 * @summary Image vulnerabilities of a Harbor repository: severities, fixable, scan state, tags.
 * @attr repository-slug - `project/repo`, `project/group/repo` or `host/project/repo`.
 * @attr instance - Named Harbor instance (`endpoints["harbor:<instance>"]`); wins over the slug's host.
 * @csspart severities - The per-severity counts of the newest artifact.
 * @cssproperty --pw-critical - Colour of critical findings (default red).
 * @cssproperty --pw-high - Colour of high findings (default orange).
 * @cssproperty --pw-medium - Colour of medium findings (default yellow).
 * @cssproperty --pw-low - Colour of low findings (default gray).
 * @cssproperty --pw-list-height - Height of the scrolling artifact list (default 320px).
 */
export class HarborVulns extends WidgetElement<HarborData> {
  static override styles = [themeStyles, kitStyles, harborVulnsStyles];

  @property({ attribute: 'repository-slug' }) repositorySlug?: string;

  protected readonly system = 'harbor' as const;
  protected override readonly skeletonLines = 6;

  /** Project ids seen per slug, so a later failure still links the repository. */
  private readonly projectIds = new Map<string, number>();

  get slug(): RepositorySlug | undefined {
    return parseSlug(this.repositorySlug);
  }

  /** `instance` wins; else the slug's host when `endpoints["harbor:<host>"]` exists; else the default endpoint. */
  protected override endpointInstance(): string | undefined {
    if (this.instance) return this.instance;
    const registry = this.slug?.host;
    if (registry && resolveEndpoint(this.effectiveHost, 'harbor', registry)) return registry;
    return undefined;
  }

  protected missingConfig(): string | undefined {
    const raw = this.repositorySlug?.trim();
    const annotation = annotationsOf(harborVulnsDescriptor, 'repository-slug');
    if (!raw) return `Set repository-slug (annotation ${annotation}), e.g. "project/repository".`;
    if (raw.includes(',')) return `repository-slug names one repository (annotation ${annotation}); place one widget per repository.`;
    if (!this.slug) return `repository-slug "${raw}" is not "project/repository" or "host/project/repository" (annotation ${annotation}).`;
    return undefined;
  }

  protected configKey(): string {
    const slug = this.slug;
    return slug ? `${slug.project}/${slug.repository}` : '';
  }

  protected resourceLabel(): string {
    return this.slug ? this.configKey() : (this.repositorySlug ?? '');
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<HarborData> {
    const slug = this.slug;
    if (!slug) return { artifacts: [], problems: [] };
    const artifacts = newestFirst((await listArtifacts({ host, instance: this.endpointInstance(), slug, signal, fresh })).map(toView));
    const projectId = artifacts.find((artifact) => artifact.projectId !== undefined)?.projectId;
    if (projectId !== undefined) this.projectIds.set(this.configKey(), projectId);
    const newest = artifacts[0];
    let report: VulnerabilityReports | undefined;
    if (newest?.scan.counts?.critical) {
      // Only the newest image's criticals are explained; without the report the summary still says enough.
      report = await getVulnerabilities({ host, instance: this.endpointInstance(), slug, digest: newest.digest, signal, fresh }).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return undefined;
      });
    }
    const link = (digest: string) => (projectId === undefined ? undefined : artifactLink(this.ui, projectId, slug.repository, digest));
    return { artifacts, projectId, problems: diagnose(HARBOR_RULES, { artifacts, report, link }) };
  }

  protected isEmpty(data: HarborData): boolean {
    return data.artifacts.length === 0;
  }

  protected deepLink(): string | undefined {
    const slug = this.slug;
    const projectId = this.projectIds.get(this.configKey());
    if (slug && projectId !== undefined) return repositoryLink(this.ui, projectId, slug.repository);
    return projectsLink(this.ui);
  }

  protected override renderSummary(data: HarborData): unknown {
    const newest = data.artifacts[0];
    if (!newest) return nothing;
    const label = newest.scan.counts ? scanHeadline(newest.scan) : scanLabel(newest.scan.state);
    return html`<span class="meta">Newest</span> ${statusPill(findingsTone(newest.scan), label)}`;
  }

  protected override summarize(data: HarborData): BadgeSummary {
    const newest = data.artifacts[0];
    if (!newest) return { parts: [{ tone: 'info', text: 'no artifacts' }] };
    const counts = newest.scan.counts;
    if (!counts) return { parts: [{ tone: findingsTone(newest.scan), text: scanHeadline(newest.scan) }] };
    const found = SEVERITIES.filter((severity) => counts[severity] > 0);
    const tone = (severity: Severity): Tone => (severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warn' : 'info');
    if (!found.length) return { parts: [{ tone: findingsTone(newest.scan), text: scanHeadline(newest.scan).toLowerCase() }] };
    return { parts: found.map((severity) => ({ tone: tone(severity), text: `${counts[severity]} ${severity}` })) };
  }

  protected renderEmpty(): unknown {
    return html`<p class="notice" part="empty">No artifacts in <code>${this.configKey()}</code> yet.</p>
      ${this.repositoryLinks(undefined)}`;
  }

  protected renderReady(data: HarborData): unknown {
    const [newest] = data.artifacts;
    return html`${renderDiagnoses(data.problems, { label: this.resourceLabel(), tool: 'Harbor', locale: this.locale })}
      ${newest ? this.renderNewest(newest) : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label=${`Artifacts of ${this.resourceLabel()}, newest first`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Tags</th><th scope="col">Pushed</th><th scope="col">Pulled</th><th scope="col">Size</th><th scope="col">Vulnerabilities</th>
            </tr>
          </thead>
          <tbody>${repeat(firstN(tagRows(data.artifacts), ARTIFACT_LIMIT).shown, (row) => `${row.artifact.digest}|${row.tag?.name ?? ''}`, (row) => this.renderRow(row, data.projectId))}</tbody>
        </table>
      </div>
      ${moreNote(tagRows(data.artifacts).length - ARTIFACT_LIMIT, this.locale, 'open the repository in Harbor to see them all')}
      ${this.repositoryLinks(data.projectId)}`;
  }


  /** What the slug's host part did: picked a named instance, or is shown only. */
  private renderRegistry(): unknown {
    const registry = this.slug?.host;
    if (!registry) return nothing;
    const used = endpointKey('harbor', this.endpointInstance());
    return html`<span class="meta">registry <code>${registry}</code> (endpoint <code>${used}</code>)</span>`;
  }

  private renderNewest(artifact: ArtifactView): TemplateResult {
    const scan = artifact.scan;
    const tag = artifact.tags[0]?.name;
    return html`<div class="newest">
      <p class="row">
        <span>Newest: <strong>${tag ?? shortDigest(artifact.digest)}</strong></span>
        <span class="meta">pushed ${relativeTime(artifact.pushedAt, this.locale, 'at an unknown time')}</span>
        ${this.renderRegistry()}
      </p>
      ${scan.counts ? this.renderSeverities(scan) : html`<p class="row">${this.renderScanState(scan)}</p>`}
      ${this.renderScanMeta(scan)}
    </div>`;
  }

  private renderSeverities(scan: ScanView): TemplateResult {
    const counts = scan.counts;
    return html`<ul class="severities" part="severities" aria-label="Vulnerabilities by severity">
      ${SEVERITIES.map((severity) => {
        const n = counts?.[severity] ?? 0;
        return html`<li class="pill severity sev-${severity} ${n > 0 ? 'found' : 'none'}">
          <span class="swatch" aria-hidden="true"></span><span class="label">${SEVERITY_LABELS[severity]}</span> <strong class="n">${n}</strong>
        </li>`;
      })}
    </ul>`;
  }

  private renderScanState(scan: ScanView): TemplateResult {
    return statusPill(scanTone(scan.state), scanHeadline(scan), scan.scanner ? `${scanLabel(scan.state)} (${scan.scanner})` : undefined);
  }

  private renderScanMeta(scan: ScanView): unknown {
    if (scan.state === 'not-scanned') return html`<p class="meta">No scan report for this artifact.</p>`;
    const when = scan.state === 'running' || scan.state === 'queued' ? 'started' : scan.state === 'success' ? 'scanned' : 'ended';
    return html`<p class="row meta">
      ${scan.counts
        ? html`<span>${scan.total ?? 0} total</span><span>${scan.fixable === undefined ? 'fixable count unknown' : `${scan.fixable} fixable`}</span>`
        : nothing}
      ${scan.at ? html`<span>${when} ${relativeTime(scan.at, this.locale)}</span>` : nothing}
      ${scan.scanner ? html`<span>by ${scan.scanner}</span>` : nothing}
    </p>`;
  }

  /** One row per tag (Harbor keeps push and pull times per tag); an untagged artifact is one row. */
  private renderRow({ artifact, tag }: TagRow, projectId: number | undefined): TemplateResult {
    const slug = this.slug;
    const id = artifact.projectId ?? projectId;
    const href = slug && id !== undefined ? artifactLink(this.ui, id, slug.repository, artifact.digest) : undefined;
    const name = tag?.name ?? 'untagged';
    return html`<tr data-digest=${artifact.digest} data-tag=${tag?.name ?? ''}>
      <td class="tags">
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${name}</a>` : html`<span>${name}</span>`}
        <code class="meta digest" title=${artifact.digest}>${shortDigest(artifact.digest)}</code>
      </td>
      <td>${relativeTime(tag ? tag.pushedAt : artifact.pushedAt, this.locale, 'unknown')}</td>
      <td>${relativeTime(tag ? tag.pulledAt : artifact.pulledAt, this.locale, 'never pulled')}</td>
      <td class="size">${formatBytes(artifact.size, this.locale)}</td>
      <td>${this.renderCompactScan(artifact.scan)}</td>
    </tr>`;
  }

  /** A table cell's scan: the non-zero severities as text (with colour marks), or the scan state. */
  private renderCompactScan(scan: ScanView): TemplateResult {
    if (!scan.counts) return this.renderScanState(scan);
    const found = SEVERITIES.filter((severity) => (scan.counts?.[severity] ?? 0) > 0);
    if (!found.length) return statusPill('ok', scanHeadline(scan));
    return html`<span class="compact">${found.map((severity, index) => html`${index ? ', ' : ''}<span class="sev-${severity} mark"
        ><span class="swatch" aria-hidden="true"></span>${`${scan.counts?.[severity] ?? 0} ${severity}`}</span
      >`)}${scan.fixable ? html`<span class="meta"> · ${scan.fixable} fixable</span>` : nothing}</span>`;
  }

  private repositoryLinks(projectId: number | undefined): TemplateResult {
    const slug = this.slug;
    const id = projectId ?? this.projectIds.get(this.configKey());
    const repository = slug && id !== undefined ? repositoryLink(this.ui, id, slug.repository) : undefined;
    const project = id !== undefined ? projectLink(this.ui, id) : projectsLink(this.ui);
    return html`<p class="row foot">
      ${repository ? externalLink(repository, 'Open repository in Harbor') : nothing}
      ${project
        ? externalLink(project, html`${id !== undefined ? `Project ${slug?.project ?? ''}` : 'Harbor projects'}`)
        : nothing}
    </p>`;
  }
}
