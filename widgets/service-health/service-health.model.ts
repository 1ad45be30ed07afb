import { SYSTEM_NAMES, TONE_ORDER, type PwSummaryDetail, type SystemId, type Tone } from '../kit/index.js';

/** The widgets a roll-up may compose, by tag (their code is loaded by the page, never imported here). */
export const ROLLUP_TOOLS: Readonly<Record<string, SystemId>> = {
  'argo-status': 'argocd',
  'k8s-pods': 'kubernetes',
  'kargo-stages': 'kargo',
  'tekton-runs': 'tekton',
  'crossplane-status': 'crossplane',
  'grafana-alerts': 'grafana',
  'harbor-vulns': 'harbor',
  'temporal-workflows': 'temporal',
  'kubecost-costs': 'kubecost',
  'vault-secrets': 'vault',
};

/** One configured tool: the widget's tag and the attributes its card gets. */
export interface ToolConfig {
  tag: string;
  attributes: Readonly<Record<string, string>>;
  /** Where the full card is (same page or another tab of the portal). */
  card?: string;
}

/** Attributes a roll-up passes on: plain names only, never an event handler. */
const ATTRIBUTE_NAME = /^(?!on)[a-z][a-z0-9-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `tools` list (JSON or already parsed): unknown tags and odd attributes are left out. */
export function parseTools(value: unknown): ToolConfig[] {
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown): ToolConfig[] => {
    if (!isRecord(item) || typeof item['tag'] !== 'string' || !(item['tag'] in ROLLUP_TOOLS)) return [];
    const given = isRecord(item['attributes']) ? item['attributes'] : {};
    const attributes = Object.fromEntries(
      Object.entries(given).filter((entry): entry is [string, string] => ATTRIBUTE_NAME.test(entry[0]) && typeof entry[1] === 'string'),
    );
    const card = typeof item['card'] === 'string' ? item['card'] : undefined;
    return [{ tag: item['tag'], attributes, ...(card ? { card } : {}) }];
  });
}

export function toolName(tag: string): string {
  const system = ROLLUP_TOOLS[tag];
  return system ? SYSTEM_NAMES[system] : tag;
}

export interface Line {
  index: number;
  tool: ToolConfig;
  summary?: PwSummaryDetail;
}

/** A line's tone for sorting: still loading counts last, a failure as unknown. */
export function lineTone(line: Line): Tone | undefined {
  const summary = line.summary;
  if (!summary || summary.state === 'loading') return undefined;
  return summary.state === 'ready' || summary.state === 'empty' ? summary.tone : 'unknown';
}

/** Worst first; loading last; otherwise the configured order. */
export function worstFirst(lines: readonly Line[]): Line[] {
  const rank = (line: Line) => {
    const tone = lineTone(line);
    return tone === undefined ? TONE_ORDER.length : TONE_ORDER.indexOf(tone);
  };
  return [...lines].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

export const OVERALL_LABELS: Readonly<Record<Tone, string>> = {
  error: 'Failing',
  warn: 'Needs attention',
  unknown: 'Partly unknown',
  progress: 'Changing',
  info: 'Healthy',
  ok: 'Healthy',
};

/** The text of one line after the tool's name: a failure is "unknown: <reason>", never healthy. */
export function lineText(line: Line): string {
  const summary = line.summary;
  if (!summary || summary.state === 'loading') return 'loading…';
  if (summary.state === 'degraded') return `unknown: ${summary.text}`;
  if (summary.state === 'not-configured') return `unknown: not configured (${summary.text})`;
  return summary.stale ? `${summary.text} (stale)` : summary.text;
}
