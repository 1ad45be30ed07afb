import { parseTime, type Tone, keysOf } from '../kit/index.js';

/**
 * Pure logic of <harbor-vulns>: the repository slug, the scan overview (both report
 * MIME types) and the view of each artifact.
 */

// ---- The repository slug (goharbor.io/repository-slug) ----------------------------

export interface RepositorySlug {
  /** Registry host of `host/project/repo`, when the first part is one. */
  host?: string;
  project: string;
  /** May contain `/` (`team/backend/api` → repository `backend/api`). */
  repository: string;
}

/** Docker's rule for the first part of an image reference: a host has a `.` or `:`, or is `localhost`. */
function looksLikeHost(part: string): boolean {
  return part.includes('.') || part.includes(':') || part === 'localhost';
}

/**
 * `project/repo`, `project/group/repo` (repository names may contain `/`) or
 * `host/project/repo`. Returns undefined when the slug names no repository.
 */
export function parseSlug(raw: string | null | undefined): RepositorySlug | undefined {
  const parts = (raw ?? '').trim().split('/').filter(Boolean);
  if (parts.some((part) => part === '.' || part === '..')) return undefined;
  const host = parts.length >= 3 && parts[0] && looksLikeHost(parts[0]) ? parts.shift() : undefined;
  const [project, ...rest] = parts;
  if (!project || rest.length === 0) return undefined;
  return host ? { host, project, repository: rest.join('/') } : { project, repository: rest.join('/') };
}

// ---- Scan overview ---------------------------------------------------------------

/**
 * The report keys of `scan_overview`. Harbor ≥ 2.8 (scanner API 1.1) writes the first;
 * older Harbor and scanners the second. Read both, newest first.
 */
export const REPORT_MIME_TYPES = [
  'application/vnd.security.vulnerability.report; version=1.1',
  'application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0',
] as const;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** A scan's state, its words and tone. Not scanned, queued, running, stopped and failed are states, never zero counts. */
const SCAN_STATE_VIEWS = {
  'not-scanned': { label: 'Not scanned', tone: 'unknown' },
  queued: { label: 'Scan queued', tone: 'progress' },
  running: { label: 'Scanning', tone: 'progress' },
  stopped: { label: 'Scan stopped', tone: 'warn' },
  error: { label: 'Scan failed', tone: 'error' },
  success: { label: 'Scanned', tone: 'ok' },
  unknown: { label: 'Scan status unknown', tone: 'unknown' },
} as const satisfies Record<string, { label: string; tone: Tone }>;
export type ScanState = keyof typeof SCAN_STATE_VIEWS;
export const SCAN_STATES = keysOf(SCAN_STATE_VIEWS);
export const scanLabel = (state: ScanState): string => SCAN_STATE_VIEWS[state].label;
export const scanTone = (state: ScanState): Tone => SCAN_STATE_VIEWS[state].tone;

/** The summary Harbor puts under each report key (NativeReportSummary). */
export interface ReportSummary {
  report_id?: string | null;
  scan_status?: string | null;
  severity?: string | null;
  complete_percent?: number | null;
  start_time?: string | null;
  end_time?: string | null;
  scanner?: { name?: string | null; vendor?: string | null; version?: string | null } | null;
  summary?: { total?: number | null; fixable?: number | null; summary?: Readonly<Record<string, number | null | undefined>> | null } | null;
}

export interface ScanView {
  state: ScanState;
  /** The report key it was read from. */
  reportType?: string;
  /** Per severity; undefined until a scan succeeded. */
  counts?: Readonly<Record<Severity, number>>;
  total?: number;
  fixable?: number;
  /** Harbor's overall severity (`Critical`, `High`, …, `None`). */
  severity?: string;
  /** When the scan ended (or started, while it runs). */
  at?: Date;
  percent?: number;
  scanner?: string;
}

function normalisedKey(key: string): string {
  return key.toLowerCase().replace(/\s+/g, '');
}

/** The report of the newest known type in a `scan_overview`, with the key it came from. */
export function pickReport<R>(overview: Readonly<Record<string, R>> | null | undefined): { type: string; report: R } | undefined {
  if (!overview) return undefined;
  const entries = Object.entries(overview);
  for (const type of REPORT_MIME_TYPES) {
    const found = entries.find(([key]) => normalisedKey(key) === normalisedKey(type));
    if (found) return { type, report: found[1] };
  }
  return undefined;
}

const STATUS_STATES: Readonly<Record<string, ScanState>> = {
  pending: 'queued',
  scheduled: 'queued',
  running: 'running',
  stopped: 'stopped',
  error: 'error',
  success: 'success',
};

/** Counts by lower-cased severity; Harbor leaves out severities with no finding. */
function severityCounts(summary: ReportSummary['summary']): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const [key, value] of Object.entries(summary?.summary ?? {})) {
    const severity = key.toLowerCase() as Severity;
    if (SEVERITIES.includes(severity) && typeof value === 'number') counts[severity] += value;
  }
  return counts;
}

function scannerName(scanner: ReportSummary['scanner']): string | undefined {
  if (!scanner?.name) return undefined;
  return scanner.version ? `${scanner.name} ${scanner.version}` : scanner.name;
}

export function readScan(overview: Readonly<Record<string, ReportSummary>> | null | undefined): ScanView {
  const picked = pickReport(overview);
  if (!picked) return { state: 'not-scanned' };
  const { type, report } = picked;
  const status = report.scan_status?.toLowerCase();
  const state: ScanState = status ? (STATUS_STATES[status] ?? 'unknown') : 'unknown';
  const view: ScanView = {
    state,
    reportType: type,
    severity: report.severity ?? undefined,
    at: parseTime(state === 'running' || state === 'queued' ? report.start_time : (report.end_time ?? report.start_time)),
    scanner: scannerName(report.scanner),
  };
  if (state === 'running' && typeof report.complete_percent === 'number') view.percent = report.complete_percent;
  if (state === 'success') {
    view.counts = severityCounts(report.summary);
    view.total = report.summary?.total ?? Object.values(view.counts).reduce((sum, n) => sum + n, 0);
    view.fixable = report.summary?.fixable ?? undefined;
  }
  return view;
}

/** The tone of a finished scan's findings: error for critical/high, warn for medium, ok otherwise. */
export function findingsTone(scan: ScanView): Tone {
  if (!scan.counts) return scanTone(scan.state);
  if (scan.counts.critical > 0 || scan.counts.high > 0) return 'error';
  if (scan.counts.medium > 0) return 'warn';
  return 'ok';
}

/** One line for the scan, e.g. "3 critical, 5 high" or "No vulnerabilities" or "Not scanned". */
export function scanHeadline(scan: ScanView): string {
  if (!scan.counts) return scan.state === 'running' && scan.percent !== undefined ? `${scanLabel('running')} (${scan.percent}%)` : scanLabel(scan.state);
  const found = SEVERITIES.filter((severity) => (scan.counts?.[severity] ?? 0) > 0).map((severity) => `${scan.counts?.[severity] ?? 0} ${severity}`);
  if (found.length) return found.join(', ');
  return scan.total ? `${scan.total} vulnerabilities` : 'No vulnerabilities';
}

// ---- Artifacts --------------------------------------------------------------------

export interface TagView {
  name: string;
  pushedAt?: Date;
  /** Undefined when never pulled (`0001-01-01T00:00:00Z`). */
  pulledAt?: Date;
}

export interface ArtifactView {
  digest: string;
  projectId?: number;
  repositoryName?: string;
  tags: TagView[];
  size?: number;
  pushedAt?: Date;
  pulledAt?: Date;
  scan: ScanView;
}

/** `sha256:0123456789ab…` → `sha256:0123456789ab` (12 hex digits, as Harbor shows it). */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units, one decimal from KiB up (as Harbor's UI shows sizes). */
export function formatBytes(bytes: number | undefined, locale?: string): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${UNITS[unit] ?? 'B'}`;
}

export interface TagRow {
  artifact: ArtifactView;
  /** Undefined for an untagged artifact. */
  tag?: TagView;
}

/** One row per tag, in artifact order; an untagged artifact keeps one row. */
export function tagRows(artifacts: readonly ArtifactView[]): TagRow[] {
  return artifacts.flatMap((artifact) => (artifact.tags.length ? artifact.tags.map((tag) => ({ artifact, tag })) : [{ artifact }]));
}

/** Newest push first; artifacts without a push time last. */
export function newestFirst<A extends { pushedAt?: Date }>(artifacts: readonly A[]): A[] {
  return [...artifacts].sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0));
}
