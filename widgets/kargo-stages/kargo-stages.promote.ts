import { html } from 'lit';
import { KARGO_ACTIONS } from './kargo-stages.tones.js';
import { followUntil, type ActionRun, type ActionStatus, type CallContext } from '../kit/index.js';
import { kargoClient, type KargoFlavor } from './kargo-stages.api.js';
import type { KargoData } from './kargo-stages.component.js';
import { isTerminalPhase, promotionPhase } from './kargo-stages.pipeline.js';

const POLL_MS = 1_500;
const POLL_LIMIT = 40;

export interface Promotion {
  call: CallContext & { project: string; stage: string; freight: string };
  flavor: KargoFlavor;
  /** How the freight is shown: its alias. */
  alias: string;
  resourceRef: string;
  reload: () => Promise<void>;
  data: () => KargoData | undefined;
  active: () => boolean;
}

/** Promote freight to a stage: confirm, ask Kargo, then follow the promotion until it ends (bounded). */
export function promotionRun(promotion: Promotion): ActionRun {
  const { call, alias } = promotion;
  let promotionName: string | undefined;
  return {
    action: KARGO_ACTIONS.promote,
    resourceRef: promotion.resourceRef,
    confirm: {
      title: `Promote ${alias} to ${call.stage}?`,
      body: html`Kargo will run the promotion steps of stage <strong>${call.stage}</strong> with freight
        <code>${call.freight}</code>.`,
      confirmLabel: 'Promote',
    },
    progress: { requested: 'Promotion requested…', running: 'Promotion running…' },
    send: async () => {
      const started = await kargoClient(promotion.flavor).promote(call);
      promotionName = started?.metadata?.name ?? undefined;
    },
    outcome: () => follow(promotion, promotionName),
    failure: 'Promotion failed',
  };
}

function follow({ call, alias, reload, data, active }: Promotion, promotionName: string | undefined): Promise<ActionStatus> {
  return followUntil({
    reload,
    settled: () => {
      const stage = data()?.stages.find((candidate) => candidate.metadata.name === call.stage);
      const last = stage?.status?.lastPromotion;
      // Without a name (an answer that left it out), the stage's last promotion of this freight.
      const name = promotionName ?? (last?.freight?.name === call.freight ? last.name ?? undefined : undefined);
      const { phase, message } = name ? promotionPhase(name, stage, data()?.promotions) : {};
      if (phase === 'Succeeded') return { tone: 'ok', message: `Promoted ${alias} to ${call.stage}` };
      if (isTerminalPhase(phase)) return { tone: 'error', message: `Promotion ${(phase ?? '').toLowerCase()}: ${message ?? 'see Kargo'}` };
      return undefined;
    },
    active,
    attempts: POLL_LIMIT,
    intervalMs: POLL_MS,
    stillRunning: { tone: 'info', message: 'Promotion still running: follow it in Kargo' },
  });
}
