import { WidgetError, kindForStatus, parseRetryAfter, type ErrorKind } from '../kit/index.js';

/** Where a Grafana admin allows embedding; named in every embed failure. */
export const EMBED_SETTING = 'set [security] allow_embedding = true in grafana.ini (and cookie_samesite = none for signed-in embeds)';

export const DEFAULT_EMBED_TIMEOUT_S = 10;

export type EmbedState = 'pending' | 'loaded' | 'timeout' | 'refused';

/** The embedded panel could not be shown: the reason names the Grafana setting to change. */
export class EmbedFailure extends WidgetError {
  private readonly text: string;

  constructor(kind: Extract<ErrorKind, 'timeout' | 'rejected'>, text: string) {
    super(kind, text);
    this.name = 'EmbedFailure';
    this.text = text;
  }

  override get reason(): string {
    return this.text;
  }
}

export function timeoutFailure(seconds: number): EmbedFailure {
  return new EmbedFailure('timeout', `Grafana panel did not load within ${seconds} s; if Grafana blocks embedding, ${EMBED_SETTING}`);
}

export function refusalFailure(detail?: string): EmbedFailure {
  return new EmbedFailure('rejected', `Grafana refused to embed the panel${detail ? ` (${detail})` : ''}: ${EMBED_SETTING}`);
}

/** The API did not confirm the dashboard or the panel: the reason says which and where to look. */
export class PanelCheckFailure extends WidgetError {
  private readonly text: string;

  constructor(text: string, status?: number) {
    super('not-found', text, { status });
    this.name = 'PanelCheckFailure';
    this.text = text;
  }

  override get reason(): string {
    return this.text;
  }
}

export function dashboardNotFound(): PanelCheckFailure {
  return new PanelCheckFailure('Dashboard not found: check the annotation', 404);
}

export function panelNotFound(panelId: number): PanelCheckFailure {
  return new PanelCheckFailure(`Panel ${panelId} not found on the dashboard`);
}

// ---- The frame check: may this page frame Grafana's /d-solo/ page? ----------------------

/** The response headers that decide framing, as the frame check reads them. */
export const FRAMING_HEADERS = ['x-frame-options', 'content-security-policy'] as const;

const ALLOW_EMBEDDING = 'set [security] allow_embedding = true';

/** A header value quoted in a reason: one line, bounded. */
function quoted(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function refusedHere(detail: string, fix: string = ALLOW_EMBEDDING): EmbedFailure {
  return new EmbedFailure('rejected', `Grafana refuses to be embedded here (${detail}) — ${fix}`);
}

/** `/d-solo/` answered a redirect: what a sign-in page in front of Grafana (or Grafana's own /login) does. */
export class FrameCheckFailure extends WidgetError {
  private readonly text: string;

  constructor(kind: Extract<ErrorKind, 'redirected' | 'not-found'>, text: string, status?: number) {
    super(kind, text, { status });
    this.name = 'FrameCheckFailure';
    this.text = text;
  }

  override get reason(): string {
    return this.text;
  }
}

export function frameRedirected(): FrameCheckFailure {
  return new FrameCheckFailure('redirected', 'Redirected — sign-in in front of Grafana? (a signed-in embed needs [security] cookie_samesite = none or disabled)');
}

export function framePageNotFound(): FrameCheckFailure {
  return new FrameCheckFailure('not-found', 'Panel or dashboard not found: Grafana’s /d-solo/ page answered 404 — check the annotation', 404);
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

/** A scheme that matches the page's: the same, or http: for an https page (CSP's upgrade rule). */
function schemeMatches(scheme: string, page: URL): boolean {
  return scheme === page.protocol || (scheme === 'http:' && page.protocol === 'https:');
}

/** One `frame-ancestors` source against the page (CSP3 source matching, for origins). */
function sourceAllows(raw: string, page: URL, grafana: URL): boolean {
  const source = raw.toLowerCase();
  if (source === "'none'") return false;
  if (source === "'self'") return page.origin === grafana.origin;
  if (source === '*') return page.protocol === 'http:' || page.protocol === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/.test(source)) return schemeMatches(source, page);
  const parts = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+)(?::(\*|\d+))?(?:\/\S*)?$/.exec(source);
  if (!parts) return false;
  const [, scheme, host = '', port] = parts;
  if (!schemeMatches(scheme ? `${scheme}:` : grafana.protocol, page)) return false;
  const hostOk = host === '*' || (host.startsWith('*.') ? page.hostname.endsWith(host.slice(1)) : page.hostname === host);
  if (!hostOk) return false;
  if (port === '*') return true;
  const pagePort = page.port || defaultPort(page.protocol);
  const wanted = port ?? defaultPort(scheme ? `${scheme}:` : page.protocol);
  return pagePort === wanted || (wanted === '80' && pagePort === '443' && page.protocol === 'https:');
}

/** Each policy's `frame-ancestors` sources (a header may carry several policies, comma-joined). */
function frameAncestorPolicies(csp: string): string[][] {
  const policies: string[][] = [];
  for (const policy of csp.split(',')) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() === 'frame-ancestors') {
        policies.push(sources);
        break;
      }
    }
  }
  return policies;
}

/**
 * Whether a browser would show Grafana's `/d-solo/` page in a frame on this page, judged from
 * the page's status and framing headers: undefined when it would, else the failure to show
 * (with the Grafana setting to change). A CSP `frame-ancestors` decides when present (browsers
 * then ignore X-Frame-Options); else `X-Frame-Options` DENY refuses everywhere and SAMEORIGIN
 * everywhere but Grafana's own origin.
 */
export function frameVerdict(
  answer: { status: number; headers: Readonly<Record<string, string>> },
  pageOrigin: string,
  grafanaUrl: string,
): WidgetError | undefined {
  const { status, headers } = answer;
  if (status === 404) return framePageNotFound();
  if (status < 200 || status >= 300) {
    return new WidgetError(kindForStatus(status), `HTTP ${status} from /d-solo/`, { status, retryAfterMs: parseRetryAfter(headers['retry-after'] ?? null) });
  }
  const page = new URL(pageOrigin);
  const grafana = new URL(grafanaUrl);
  const csp = headers['content-security-policy'];
  const policies = csp ? frameAncestorPolicies(csp) : [];
  if (policies.length) {
    for (const sources of policies) {
      if (sources.some((source) => sourceAllows(source, page, grafana))) continue;
      const none = sources.length === 0 || sources.some((source) => source.toLowerCase() === "'none'");
      return refusedHere(
        none ? "Content-Security-Policy frame-ancestors 'none'" : `Content-Security-Policy frame-ancestors ${quoted(sources.join(' '))} leaves out ${page.origin}`,
        `${ALLOW_EMBEDDING}, and let ${page.origin} into frame-ancestors where the policy is set ([security] content_security_policy_template or a proxy in front)`,
      );
    }
    return undefined;
  }
  const xfo = headers['x-frame-options'];
  if (!xfo) return undefined;
  const values = new Set(xfo.split(',').map((value) => value.trim().toLowerCase()).filter(Boolean));
  const known = ['deny', 'sameorigin', 'allowall'].filter((value) => values.has(value));
  // Conflicting values count as DENY (HTML's rule); unknown values alone are ignored.
  if (values.has('deny') || (values.size > 1 && known.length > 0)) return refusedHere(`X-Frame-Options: ${quoted(xfo)}`);
  if (values.has('sameorigin') && page.origin !== grafana.origin) {
    return refusedHere(`X-Frame-Options: ${quoted(xfo)}, and this page is on ${page.origin}, not ${grafana.origin}`);
  }
  return undefined;
}
