import { apiProbe, parseBase, resolveEndpoint, WidgetError, type CallContext } from '../kit/index.js';
import { dashboardPanelIds, getDashboard } from './grafana-panel.api.js';
import { FRAMING_HEADERS, dashboardNotFound, frameRedirected, frameVerdict, panelNotFound } from './grafana-panel.embed.js';
import type { FrameCheck } from './grafana-panel.model.js';

// What the widget asks Grafana before it frames a panel.

export interface PanelCheck extends CallContext {
  uid: string;
  panelId: number;
}

/**
 * Asks Grafana's API whether the dashboard exists and holds the panel (rows included, collapsed
 * or not). A browser cannot read why a cross-origin frame failed, so this is what tells a
 * missing dashboard or panel apart from a working one; other failures keep their usual reasons.
 */
export async function confirmPanel({ panelId, ...call }: PanelCheck): Promise<void> {
  let dashboard;
  try {
    dashboard = await getDashboard(call);
  } catch (error) {
    if (error instanceof WidgetError && error.kind === 'not-found') throw dashboardNotFound();
    throw error;
  }
  if (!dashboardPanelIds(dashboard).has(panelId)) throw panelNotFound(panelId);
}

interface FrameCheckCall extends CallContext {
  check: FrameCheck;
  /** The frame's src: Grafana's UI origin is the frame's origin. */
  embed: string;
}

/**
 * Asks the `/d-solo/` page itself, through the API endpoint (`{api}/d-solo/{uid}[/{slug}]` with
 * panelId, orgId, theme, from, to; the token only to the API base; redirects not followed),
 * whether a browser would frame it here: a browser fires `load` even for a frame Grafana
 * refused, and cannot read a cross-origin frame, but it can read this answer's status and
 * framing headers. Resolves when the frame may show; else throws the reason.
 */
export async function checkFrame({ host, instance, check, embed, signal }: FrameCheckCall): Promise<void> {
  let answer;
  try {
    answer = await apiProbe(host, { system: 'grafana', instance, path: check.path, query: check.query, responseHeaders: [...FRAMING_HEADERS, 'retry-after'], signal });
  } catch (error) {
    if (error instanceof WidgetError && error.kind === 'redirected') throw frameRedirected();
    // An API base on another origin that does not allow this request (CORS) fails like the
    // network: there the check is not possible, so the frame and its load timeout decide, as
    // before the check existed. A same-origin base's network failure is a real one.
    if (error instanceof WidgetError && error.kind === 'network' && apiOnAnotherOrigin(host, instance)) return;
    throw error;
  }
  // A cross-origin API base shows only the headers it exposes (Access-Control-Expose-Headers):
  // a missing one proves nothing, the frame shows and its load timeout still guards it.
  const failure = frameVerdict(answer, globalThis.location.origin, embed);
  if (failure) throw failure;
}

function apiOnAnotherOrigin(host: CallContext['host'], instance: string | undefined): boolean {
  const api = parseBase(resolveEndpoint(host, 'grafana', instance)?.api);
  return api !== undefined && api.origin !== globalThis.location.origin;
}
