import { WidgetError, type ErrorKind } from '../kit/index.js';

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
