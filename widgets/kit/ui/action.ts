import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toWidgetError } from '../errors.js';
import type { PwActionDetail } from '../events.js';
import type { ConfirmController, ConfirmRequest } from './confirm.js';
import { statusPill, type Tone } from './status.js';

/** What an action shows beside its button: how it went, in words and a tone. */
export interface ActionStatus {
  tone: Tone;
  message: string;
}

/** One run of an action, from the confirmation to the outcome. */
export interface ActionRun {
  action: string;
  resourceRef: string;
  /** Asked first; declining cancels. Without it the action runs at once. */
  confirm?: ConfirmRequest;
  /** Progress shown while the request is on its way, then while the tool carries it out. */
  progress?: { requested: string; running: string };
  /** Sends the request to the tool. */
  send: () => Promise<void>;
  /** After an accepted request: how it ended (see `followUntil`). */
  outcome: () => Promise<ActionStatus>;
  /** Starts the message of a request the tool refused: "Sync failed". */
  failure: string;
}

/**
 * The confirm → run → follow → report flow of a widget's actions (Argo CD sync and refresh,
 * Kargo promote): one action at a time per widget, a status per key (e.g. per stage), and a
 * `pw-action` event for each phase. Whether the action is allowed is the button's (`decide`).
 */
export class ActionController implements ReactiveController {
  /** The key of the action under way, if any. */
  running: string | undefined;
  private statuses = new Map<string, ActionStatus>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly confirm: ConfirmController,
    private readonly report: (detail: PwActionDetail) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: a run begins when a button asks for it.
  }

  status(key: string): ActionStatus | undefined {
    return this.statuses.get(key);
  }

  /** Runs an action under `key` (what `running` names); its status is kept under `statusKey`. */
  async run(key: string, run: ActionRun, statusKey = key): Promise<void> {
    if (this.running !== undefined) return;
    const { action, resourceRef } = run;
    if (run.confirm && !(await this.confirm.ask(run.confirm))) {
      this.report({ action, resourceRef, phase: 'cancelled' });
      return;
    }
    this.running = key;
    if (run.progress) this.setStatus(statusKey, { tone: 'progress', message: run.progress.requested });
    else this.host.requestUpdate();
    this.report({ action, resourceRef, phase: 'requested' });
    try {
      await run.send();
      if (run.progress) this.setStatus(statusKey, { tone: 'progress', message: run.progress.running });
      const outcome = await run.outcome();
      this.setStatus(statusKey, outcome);
      const phase = outcome.tone === 'error' ? 'failed' : 'succeeded';
      this.report(run.progress ? { action, resourceRef, phase, message: outcome.message } : { action, resourceRef, phase });
    } catch (error) {
      const failure = toWidgetError(error);
      this.setStatus(statusKey, { tone: 'error', message: `${run.failure}: ${failure.reason}` });
      this.report({ action, resourceRef, phase: 'failed', message: failure.reason });
    } finally {
      this.running = undefined;
      this.host.requestUpdate();
    }
  }

  private setStatus(key: string, status: ActionStatus): void {
    this.statuses.set(key, status);
    this.host.requestUpdate();
  }
}

export interface FollowOptions {
  /** Loads the widget's data again. */
  reload: () => Promise<void>;
  /** The outcome once the tool reports one; undefined while it is still running. */
  settled: () => ActionStatus | undefined;
  /** Whether to go on (false once the widget left the page). */
  active: () => boolean;
  attempts: number;
  intervalMs: number;
  /** Said when the attempts run out. */
  stillRunning: ActionStatus;
}

/** Reloads until the tool reports an outcome, a bounded number of times. */
export async function followUntil(options: FollowOptions): Promise<ActionStatus> {
  for (let attempt = 0; attempt < options.attempts && options.active(); attempt += 1) {
    await options.reload();
    const outcome = options.settled();
    if (outcome) return outcome;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  return options.stillRunning;
}

/** The live region beside a widget's actions: always there, so a screen reader hears each change. */
export function actionStatusNote(status: ActionStatus | undefined): TemplateResult {
  return status ? html`<span role="status">${statusPill(status.tone, status.message)}</span>` : html`<span role="status"></span>`;
}
