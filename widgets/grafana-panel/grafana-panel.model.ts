import { FRAME_CHECK_QUERY, buildUrl, isUnderBase, parseBase, safeHref, type Query } from '../kit/index.js';

/** How a service finds its dashboard (attribute `pattern`). */
export const PATTERNS = ['service', 'database', 'custom'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const DEFAULT_FROM = 'now-6h';
export const DEFAULT_TO = 'now';

/** What the attributes say, as plain values. */
export interface PanelConfig {
  pattern?: string;
  dashboardUid?: string;
  panelId?: string;
  namespace?: string;
  service?: string;
  dbInstance?: string;
  dashboardUrl?: string;
  from?: string;
  to?: string;
}

/** A dashboard to link (and maybe embed), resolved from the attributes. */
export interface DashboardTarget {
  pattern: Pattern;
  /** The dashboard in Grafana's UI (http/https, on the Grafana UI). */
  link: string;
  /** The panel's `/d-solo/` URL, when a panel id is set and the dashboard allows one. */
  embed?: string;
  /** Why no panel is embedded although `panel-id` is set. */
  embedProblem?: string;
  uid?: string;
  panelId?: number;
  /** The same `/d-solo/` page below the API base, asked before framing it: path and the fixed query keys only. */
  frameCheck?: FrameCheck;
}

/** `{api}/d-solo/{uid}[/{slug}]?panelId=…&orgId=…&theme=…&from=…&to=…` (no `var-*`: those are the dashboard's own). */
export interface FrameCheck {
  path: string[];
  query: Record<string, string>;
}


function frameCheckOf(embed: string | undefined, path: string[]): FrameCheck | undefined {
  if (!embed) return undefined;
  // The frame's own order, only the fixed keys, each once.
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(embed).searchParams) {
    if ((FRAME_CHECK_QUERY as readonly string[]).includes(key) && !(key in query)) query[key] = value;
  }
  return { path, query };
}

export type Resolved = { target: DashboardTarget } | { problem: string } | { target: undefined };

/** `pattern` when valid; else inferred: a dashboard-url is custom, a db-instance is database, else service. */
export function effectivePattern(config: PanelConfig): Pattern | undefined {
  const pattern = config.pattern?.trim();
  if (pattern) return (PATTERNS as readonly string[]).includes(pattern) ? (pattern as Pattern) : undefined;
  if (config.dashboardUrl) return 'custom';
  if (config.dbInstance) return 'database';
  return 'service';
}

/** The dashboard variables a pattern sets (Grafana's `var-<name>` query parameters). */
export function patternVars(pattern: Pattern, config: PanelConfig): Record<string, string | undefined> {
  if (pattern === 'service') return { 'var-namespace': config.namespace, 'var-service': config.service };
  if (pattern === 'database') return { 'var-instance': config.dbInstance };
  return {};
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;

function parsePanelId(raw: string | undefined): number | undefined | 'invalid' {
  if (raw === undefined || raw.trim() === '') return undefined;
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : 'invalid';
}

/** The Grafana theme for a widget theme (the panel follows the widget). */
export function grafanaTheme(theme: string | undefined): 'light' | 'dark' {
  return theme === 'dark' ? 'dark' : 'light';
}

function timeRange(config: PanelConfig, fallback: URLSearchParams = new URLSearchParams()) {
  return {
    from: config.from || fallback.get('from') || DEFAULT_FROM,
    to: config.to || fallback.get('to') || DEFAULT_TO,
  };
}

/** Parameters of a dashboard URL that the embed sets itself. */
const EMBED_OWNED = new Set(['panelId', 'viewPanel', 'editPanel', 'from', 'to', 'theme', 'kiosk']);

/** `{ui}/d/{uid}/{slug}?…` → `{ui}/d-solo/{uid}/{slug}?panelId=…&from=…&to=…&theme=…&<its own vars>`, and the uid. */
function embedOfCustom(ui: string, url: URL, panelId: number, config: PanelConfig, theme: 'light' | 'dark'): { embed: string; uid: string; frameCheck?: FrameCheck } | undefined {
  const root = parseBase(ui);
  if (!root) return undefined;
  const below = url.pathname.slice(root.pathname.replace(/\/+$/, '').length).split('/').filter(Boolean);
  const [kind, uid, slug] = below;
  if (kind !== 'd' || !uid || !UID.test(uid) || below.length > 3) return undefined;
  const own: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) if (!EMBED_OWNED.has(key)) (own[key] ??= []).push(value);
  const query: Query = { panelId, ...timeRange(config, url.searchParams), theme, ...own };
  const embed = buildUrl(ui, slug ? ['d-solo', uid, slug] : ['d-solo', uid], query);
  return embed ? { embed, uid, frameCheck: frameCheckOf(embed, slug ? ['d-solo', uid, slug] : ['d-solo', uid]) } : undefined;
}

/**
 * Resolves the dashboard the attributes name. `{ target: undefined }` when none is named
 * (a selector-only configuration); `{ problem }` when what is named cannot be used.
 */
export function resolveTarget(config: PanelConfig, ui: string | undefined, theme: 'light' | 'dark'): Resolved {
  const named = Boolean(config.dashboardUid || config.dashboardUrl || config.pattern || config.panelId);
  if (!named) return { target: undefined };
  const pattern = effectivePattern(config);
  if (!pattern) return { problem: `pattern "${config.pattern ?? ''}" is not one of ${PATTERNS.join(', ')}.` };
  const panelId = parsePanelId(config.panelId);
  if (panelId === 'invalid') return { problem: `panel-id "${config.panelId ?? ''}" is not a panel number (annotation platform-widgets.io/grafana-panel-id).` };
  if (!safeHref(ui)) return { problem: 'No Grafana UI is configured (endpoints["grafana"].ui): links and panels open there.' };
  const base = ui ?? '';

  if (pattern === 'custom') {
    const href = safeHref(config.dashboardUrl);
    if (!config.dashboardUrl) return { problem: 'Set dashboard-url (annotation grafana/overview-dashboard) for the custom pattern.' };
    if (!href) return { problem: 'dashboard-url must be an http(s) URL (annotation grafana/overview-dashboard).' };
    if (!isUnderBase(href, base)) return { problem: `dashboard-url must be on the configured Grafana UI (${parseBase(base)?.origin ?? base}) (annotation grafana/overview-dashboard).` };
    const url = new URL(href);
    if (panelId === undefined) return { target: { pattern, link: href } };
    const embedded = embedOfCustom(base, url, panelId, config, theme);
    return embedded
      ? { target: { pattern, link: href, embed: embedded.embed, uid: embedded.uid, panelId, frameCheck: embedded.frameCheck } }
      : { target: { pattern, link: href, panelId, embedProblem: 'dashboard-url is not a /d/<uid> dashboard URL, so its panel cannot be embedded.' } };
  }

  const missing: string[] = [];
  if (!config.dashboardUid) missing.push('dashboard-uid (annotation platform-widgets.io/grafana-dashboard-uid)');
  if (pattern === 'service') {
    if (!config.namespace) missing.push('namespace');
    if (!config.service) missing.push('service');
  }
  if (pattern === 'database' && !config.dbInstance) missing.push('db-instance');
  if (missing.length) return { problem: `The ${pattern} pattern needs ${missing.join(', ')}.` };
  const uid = config.dashboardUid ?? '';
  if (!UID.test(uid)) return { problem: `dashboard-uid "${uid}" is not a Grafana dashboard uid (annotation platform-widgets.io/grafana-dashboard-uid).` };

  const vars = patternVars(pattern, config);
  const link = buildUrl(base, ['d', uid], { ...vars, from: config.from, to: config.to });
  if (!link) return { problem: 'The dashboard link could not be built from the Grafana UI base.' };
  const embed = panelId === undefined ? undefined : buildUrl(base, ['d-solo', uid], { panelId, ...timeRange(config), theme, ...vars });
  return { target: { pattern, link, embed, uid, panelId, frameCheck: frameCheckOf(embed, ['d-solo', uid]) } };
}

// ---- dashboard-selector (grafana/dashboard-selector) --------------------------------

export type Selector = { tags: string[] } | { problem: string };

/**
 * `tag:service-x`, a bare tag, or a comma list of them (all must match, as Grafana's
 * search does with several tags). Query expressions over title or folder are not supported.
 */
export function parseSelector(raw: string | undefined): Selector | undefined {
  if (!raw?.trim()) return undefined;
  const tags: string[] = [];
  for (const part of raw.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const prefixed = /^([a-z]+)\s*:\s*(.*)$/i.exec(item);
    if (prefixed && prefixed[1]?.toLowerCase() !== 'tag') {
      return { problem: `dashboard-selector "${raw}" is not supported: use tag:<tag> or a tag, comma-separated (annotation grafana/dashboard-selector).` };
    }
    const tag = (prefixed ? (prefixed[2] ?? '') : item).trim().replace(/^(["'])(.*)\1$/, '$2');
    if (!tag || /@>|==|!=|&&|\|\||[()]/.test(tag)) {
      return { problem: `dashboard-selector "${raw}" is not supported: use tag:<tag> or a tag, comma-separated (annotation grafana/dashboard-selector).` };
    }
    tags.push(tag);
  }
  return tags.length ? { tags } : undefined;
}
