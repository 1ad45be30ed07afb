import { parseTime, type Tone } from '../kit/index.js';
import type { Application, Artifact, Freight, Pod, Promotion, Stage } from './image-trail.api.js';

/** The tools an image passes through, in the order it reaches them. */
export const TRAIL_TOOLS = ['harbor', 'kargo', 'argocd', 'kubernetes'] as const;
export type TrailTool = (typeof TRAIL_TOOLS)[number];

/**
 * found: the tool has this digest; partial: only a tag points at it (no proof); pending: on its
 * way (a promotion runs); failed: on its way and stopped; absent: the tool answered and has
 * it nowhere; gap: the tool is not configured (or not named) for this image; unknown: it failed.
 */
export const STEP_STATES = ['found', 'partial', 'pending', 'failed', 'absent', 'gap', 'unknown'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const STEP_TONES: Readonly<Record<StepState, Tone>> = {
  found: 'ok', partial: 'warn', pending: 'progress', failed: 'error', absent: 'info', gap: 'unknown', unknown: 'unknown',
};
export const STEP_LABELS: Readonly<Record<StepState, string>> = {
  found: 'Has it', partial: 'By tag only', pending: 'Pending', failed: 'Failed', absent: 'Not there', gap: 'Not configured', unknown: 'Unknown',
};

export interface TrailLine {
  text: string;
  tone: Tone;
  at?: Date;
  link?: string;
}

export interface TrailStep {
  tool: TrailTool;
  state: StepState;
  headline: string;
  lines: TrailLine[];
  /** When the image reached this tool. */
  at?: Date;
  link?: string;
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i;

export function isDigest(value: string | undefined): value is string {
  return !!value && DIGEST.test(value);
}

/** The manifest digest in `repo@sha256:…` or `docker-pullable://repo@sha256:…`; a bare image ID is not one. */
export function digestIn(reference: string | null | undefined): string | undefined {
  const at = reference?.lastIndexOf('@') ?? -1;
  const digest = at >= 0 ? reference?.slice(at + 1) : undefined;
  return isDigest(digest) ? digest.toLowerCase() : undefined;
}

export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

export function gap(tool: TrailTool, why: string): TrailStep {
  return { tool, state: 'gap', headline: `not configured: ${why}`, lines: [] };
}

export function unknown(tool: TrailTool, reason: string): TrailStep {
  return { tool, state: 'unknown', headline: `unknown: ${reason}`, lines: [] };
}

// ---- Harbor --------------------------------------------------------------------------------

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'] as const;

function scanLine(artifact: Artifact): TrailLine {
  const reports = Object.values(artifact.scan_overview ?? {});
  const report = reports[0];
  if (!report) return { text: 'not scanned', tone: 'unknown' };
  if (report.scan_status?.toLowerCase() !== 'success') return { text: `scan ${report.scan_status?.toLowerCase() ?? 'state unknown'}`, tone: 'unknown' };
  const counts = report.summary?.summary ?? {};
  const found = SEVERITIES.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${counts[s] ?? 0} ${s.toLowerCase()}`);
  const serious = (counts.Critical ?? 0) + (counts.High ?? 0) > 0;
  return { text: found.length ? `vulnerabilities: ${found.join(', ')}` : 'no vulnerabilities found', tone: serious ? 'error' : found.length ? 'warn' : 'ok' };
}

export function harborStep(artifact: Artifact, link: string | undefined): TrailStep {
  const tags = (artifact.tags ?? []).map((tag) => tag.name);
  return {
    tool: 'harbor',
    state: 'found',
    headline: `pushed as ${shortDigest(artifact.digest)}`,
    at: parseTime(artifact.push_time),
    link,
    lines: [{ text: tags.length ? `tags: ${tags.join(', ')}` : 'untagged', tone: 'info' }, scanLine(artifact)],
  };
}

// ---- Kargo ---------------------------------------------------------------------------------

const PENDING_PHASES = new Set(['Pending', 'Running']);
const FAILED_PHASES = new Set(['Failed', 'Errored', 'Aborted']);

function currentFreightNames(stage: Stage): string[] {
  const newest = stage.status?.freightHistory?.[0]?.items;
  if (newest) return Object.values(newest).flatMap((ref) => [ref.name, ref.id]).filter((name): name is string => !!name);
  const legacy = stage.status?.currentFreight;
  return [legacy?.name, legacy?.id].filter((name): name is string => !!name);
}

export interface KargoLinks {
  freight: (name: string) => string | undefined;
  stage: (name: string) => string | undefined;
}

export function kargoStep(digest: string, freight: readonly Freight[], stages: readonly Stage[], promotions: readonly Promotion[], links: KargoLinks): TrailStep {
  const carrying = freight
    .filter((item) => (item.images ?? []).some((image) => image.digest?.toLowerCase() === digest))
    .sort((a, b) => (parseTime(b.metadata.creationTimestamp)?.getTime() ?? 0) - (parseTime(a.metadata.creationTimestamp)?.getTime() ?? 0));
  const item = carrying[0];
  if (!item) return { tool: 'kargo', state: 'absent', headline: 'no freight carries this digest', lines: [] };
  const name = item.metadata.name;
  const lines = stages.map((stage): TrailLine & { state: StepState } => {
    const stageName = stage.metadata.name;
    const link = links.stage(stageName);
    if (currentFreightNames(stage).includes(name)) {
      const last = stage.status?.lastPromotion;
      const at = last?.freight?.name === name ? parseTime(last.finishedAt) : undefined;
      return { state: 'found', text: `${stageName}: has it`, tone: 'ok', at, link };
    }
    const promotion = promotions.filter((p) => p.spec?.stage === stageName && p.spec.freight === name).at(-1);
    const phase = promotion?.status?.phase ?? '';
    if (PENDING_PHASES.has(phase)) return { state: 'pending', text: `${stageName}: promotion ${phase.toLowerCase()}`, tone: 'progress', link };
    if (FAILED_PHASES.has(phase)) {
      const why = promotion?.status?.message ? ` (${promotion.status.message})` : '';
      return { state: 'failed', text: `${stageName}: promotion ${phase.toLowerCase()}${why}`, tone: 'error', at: parseTime(promotion?.status?.finishedAt), link };
    }
    return { state: 'absent', text: `${stageName}: not yet`, tone: 'info', link };
  });
  const has = (state: StepState) => lines.some((line) => line.state === state);
  const state: StepState = has('found') ? 'found' : has('failed') ? 'failed' : 'pending';
  return {
    tool: 'kargo',
    state,
    headline: `freight ${item.alias ?? name}${carrying.length > 1 ? ` (and ${carrying.length - 1} more)` : ''}`,
    at: parseTime(item.metadata.creationTimestamp),
    link: links.freight(name),
    lines: lines.map(({ state: _state, ...line }) => line),
  };
}

// ---- Argo CD -------------------------------------------------------------------------------

const lastSegment = (repository: string) => repository.split('/').at(-1) ?? repository;

/** `registry/path/name:tag` → name and tag (no digest). */
function nameAndTag(image: string): { name: string; tag?: string } {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? { name: lastSegment(image.slice(0, colon)), tag: image.slice(colon + 1) } : { name: lastSegment(image) };
}

export function argoStep(digest: string, apps: readonly Application[], tags: readonly string[], repository: string | undefined, link: (app: string) => string | undefined): TrailStep {
  const lines: Array<TrailLine & { proof: boolean }> = [];
  for (const app of apps) {
    const images = app.status?.summary?.images ?? [];
    const byDigest = images.find((image) => digestIn(image) === digest);
    const byTag = byDigest ? undefined : images.find((image) => {
      const { name, tag } = nameAndTag(image);
      return !digestIn(image) && tag !== undefined && tags.includes(tag) && repository !== undefined && name === lastSegment(repository);
    });
    const shown = byDigest ?? byTag;
    if (!shown) continue;
    const sync = app.status?.sync?.status ?? 'Unknown';
    const health = app.status?.health?.status ?? 'Unknown';
    const healthy = sync === 'Synced' && health === 'Healthy';
    lines.push({
      proof: !!byDigest,
      text: `${app.metadata.name}: ${sync} · ${health}${byDigest ? '' : ` (shows ${shown}: a tag, not proof of this digest)`}`,
      tone: !byDigest ? 'warn' : healthy ? 'ok' : 'warn',
      at: parseTime(app.status?.operationState?.finishedAt),
      link: link(app.metadata.name),
    });
  }
  const proven = lines.filter((line) => line.proof);
  if (!lines.length) return { tool: 'argocd', state: 'absent', headline: `none of ${apps.length} application${apps.length === 1 ? '' : 's'} shows this digest`, lines: [] };
  return {
    tool: 'argocd',
    state: proven.length ? 'found' : 'partial',
    headline: proven.length ? `${proven.length} application${proven.length === 1 ? '' : 's'} deploy it` : 'only a tag points at it',
    at: proven.map((line) => line.at).find(Boolean),
    lines: lines.map(({ proof: _proof, ...line }) => line),
  };
}

// ---- Kubernetes ----------------------------------------------------------------------------

export function podsStep(digest: string, pods: readonly Pod[], link: (pod: Pod) => string | undefined): TrailStep {
  const lines: TrailLine[] = [];
  let others = 0;
  for (const pod of pods) {
    const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
    const match = statuses.find((status) => digestIn(status.imageID) === digest);
    if (!match) {
      others += 1;
      continue;
    }
    const running = match.state?.running;
    lines.push({
      text: `${pod.metadata.name} (container ${match.name}): ${running ? (match.ready ? 'running, ready' : 'running, not ready') : (pod.status?.phase ?? 'not running')}`,
      tone: running && match.ready ? 'ok' : 'warn',
      at: parseTime(running?.startedAt),
      link: link(pod),
    });
  }
  if (!lines.length) {
    return { tool: 'kubernetes', state: 'absent', headline: pods.length ? `none of ${pods.length} pods runs this digest` : 'no pods match the selector', lines: [] };
  }
  const starts = lines.map((line) => line.at?.getTime()).filter((time): time is number => time !== undefined);
  return {
    tool: 'kubernetes',
    state: 'found',
    headline: `${lines.length} pod${lines.length === 1 ? ' runs' : 's run'} it${others ? `; ${others} other${others === 1 ? ' does' : 's do'} not` : ''}`,
    at: starts.length ? new Date(Math.min(...starts)) : undefined,
    lines,
  };
}

/** The one-line answer to "is it running?", from the last step that can say. */
export function answer(steps: readonly TrailStep[]): { tone: Tone; text: string } {
  const pods = steps.find((step) => step.tool === 'kubernetes');
  if (pods?.state === 'found') return { tone: 'ok', text: `Running: ${pods.headline}` };
  if (pods?.state === 'absent') return { tone: 'warn', text: `Not running: ${pods.headline}` };
  const argo = steps.find((step) => step.tool === 'argocd');
  if (argo?.state === 'found') return { tone: 'info', text: 'Deployed by Argo CD; pods not checked' };
  return { tone: 'unknown', text: 'Not known to be running: Kubernetes is not configured or failed' };
}
