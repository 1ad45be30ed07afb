import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { WidgetError } from './errors.js';
import type { PwActionDetail } from './events.js';
import { ActionController, followUntil, type ActionRun, type ActionStatus } from './ui/action.js';
import type { ConfirmController, ConfirmRequest } from './ui/confirm.js';

function setup(answer: boolean) {
  const host: ReactiveControllerHost = {
    addController: (_: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const asked: ConfirmRequest[] = [];
  const confirm = { ask: (request: ConfirmRequest) => (asked.push(request), Promise.resolve(answer)) } as unknown as ConfirmController;
  const reports: PwActionDetail[] = [];
  return { actions: new ActionController(host, confirm, (detail) => reports.push(detail)), asked, reports };
}

const base: ActionRun = {
  action: 'argocd.application.sync',
  resourceRef: 'argocd/guestbook',
  confirm: { title: 'Sync?', body: 'Sure?', confirmLabel: 'Sync now' },
  progress: { requested: 'Sync requested…', running: 'Sync running…' },
  send: () => Promise.resolve(),
  outcome: () => Promise.resolve({ tone: 'ok', message: 'Sync succeeded' }),
  failure: 'Sync failed',
};

describe('ActionController', () => {
  it('declined confirmation: nothing is sent, the action is reported cancelled', async () => {
    const { actions, reports } = setup(false);
    let sent = false;
    await actions.run('sync', { ...base, send: () => ((sent = true), Promise.resolve()) });
    expect(sent).toBe(false);
    expect(reports).toEqual([{ action: base.action, resourceRef: base.resourceRef, phase: 'cancelled' }]);
    expect(actions.status('sync')).toBeUndefined();
  });

  it('confirmed: requested, then the outcome, with progress in between and one run at a time', async () => {
    const { actions, reports } = setup(true);
    const seen: (ActionStatus | undefined)[] = [];
    let release = () => undefined as void;
    const run = actions.run('sync', {
      ...base,
      send: () => new Promise<void>((resolve) => (release = resolve)),
    }, 'app');
    await Promise.resolve();
    await Promise.resolve();
    seen.push(actions.status('app'));
    expect(actions.running).toBe('sync');
    await actions.run('other', base); // ignored while one runs
    release();
    await run;
    seen.push(actions.status('app'));
    expect(seen).toEqual([{ tone: 'progress', message: 'Sync requested…' }, { tone: 'ok', message: 'Sync succeeded' }]);
    expect(reports.map((report) => report.phase)).toEqual(['requested', 'succeeded']);
    expect(actions.running).toBeUndefined();
  });

  it('a refused request fails with its reason; an outcome in error tone is reported failed', async () => {
    const { actions, reports } = setup(true);
    await actions.run('sync', { ...base, send: () => Promise.reject(new WidgetError('forbidden', 'HTTP 403', { status: 403 })) });
    expect(actions.status('sync')).toEqual({ tone: 'error', message: 'Sync failed: No access' });
    await actions.run('sync', { ...base, outcome: () => Promise.resolve({ tone: 'error', message: 'Sync failed: hook' }) });
    expect(reports.map((report) => report.phase)).toEqual(['requested', 'failed', 'requested', 'failed']);
    expect(reports.at(-1)?.message).toBe('Sync failed: hook');
  });
});

describe('followUntil', () => {
  it('reloads until an outcome, and says "still running" when the attempts run out', async () => {
    let reloads = 0;
    const done = await followUntil({
      reload: () => ((reloads += 1), Promise.resolve()),
      settled: () => (reloads === 3 ? { tone: 'ok', message: 'done' } : undefined),
      active: () => true,
      attempts: 5,
      intervalMs: 0,
      stillRunning: { tone: 'info', message: 'still running' },
    });
    expect([done.message, reloads]).toEqual(['done', 3]);
    const open = await followUntil({ reload: () => Promise.resolve(), settled: () => undefined, active: () => true, attempts: 2, intervalMs: 0, stillRunning: { tone: 'info', message: 'still running' } });
    expect(open.message).toBe('still running');
  });
});
