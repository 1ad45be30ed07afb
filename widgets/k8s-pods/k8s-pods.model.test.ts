import { describe, expect, it } from 'vitest';
import type { KubeEvent } from './k8s-pods.api.js';
import { toDeploymentView } from './k8s-pods.deployments.js';
import { MAX_EVENTS, relevantEvents } from './k8s-pods.events.js';
import { countByStatus, sortPods, toPodView } from './k8s-pods.pod-view.js';
import { formatCpu, formatMemory, formatResource, parseQuantity } from './k8s-pods.quantities.js';
import { podStatus } from './k8s-pods.status.js';
import { ago, healthyPods, pod, troubledDeployments, troubledPods } from './fixtures/pods.js';

describe('k8s-pods model: quantities', () => {
  it.each([
    ['100m', 0.1], ['1', 1], ['1.5', 1.5], ['250000n', 0.00025], ['12u', 0.000012], ['70Mi', 70 * 2 ** 20],
    ['1Gi', 2 ** 30], ['500M', 5e8], ['64Ki', 65536], ['128974848', 128974848], ['1e3', 1000], [2, 2],
  ] as const)('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  it('unreadable quantities are undefined, not zero', () => {
    expect(parseQuantity('lots')).toBeUndefined();
    expect(parseQuantity('10Zi')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });

  it('formats cores and bytes for people', () => {
    expect(formatCpu(0.0125)).toBe('13m');
    expect(formatCpu(1)).toBe('1 core');
    expect(formatCpu(2.5)).toBe('2.5 cores');
    expect(formatMemory(70 * 2 ** 20)).toBe('70 MiB');
    expect(formatMemory(1.5 * 2 ** 30)).toBe('1.5 GiB');
    expect(formatMemory(undefined)).toBe('–');
    expect(formatResource('cpu', undefined, {}, {})).toBe('–');
    expect(formatResource('memory', { memory: 2 ** 20 }, { memory: 2 ** 21 }, {})).toBe('1 MiB used · req 2 MiB');
  });
});

describe('k8s-pods model: pods', () => {
  it('derives crash-looping from container states, also in an init container', () => {
    const init = pod('init-loop', { phase: 'Pending' });
    if (!init.status) throw new Error('fixture changed');
    init.status.initContainerStatuses = [{ name: 'migrate', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }];
    expect(podStatus(init)).toBe('crash-looping');
    expect(podStatus(pod('x', { phase: 'Unknown' }))).toBe('unknown');
    expect(podStatus({ metadata: { name: 'bare' } })).toBe('unknown');
  });

  it('sums restarts, ready containers, requests and limits over containers', () => {
    const view = toPodView(pod('two', {
      containers: [
        { name: 'web', image: 'web', cpu: ['100m', '1'], memory: ['64Mi'] },
        { name: 'proxy', image: 'envoy', cpu: ['50m'], memory: ['32Mi', '64Mi'] },
      ],
      statuses: [{ name: 'web', ready: true, restartCount: 2 }, { name: 'proxy', ready: false, restartCount: 1 }],
    }));
    expect(view).toMatchObject({ ready: 1, containersTotal: 2, restarts: 3, restartedContainers: ['web', 'proxy'] });
    expect(view.requests.cpu).toBeCloseTo(0.15);
    expect(view.requests.memory).toBe(96 * 2 ** 20);
    expect(view.limits).toEqual({ cpu: 1, memory: 64 * 2 ** 20 });
  });

  it('sorts worst first, then by name, and counts by status', () => {
    const views = sortPods(troubledPods.map(toPodView));
    expect(views.map((v) => v.status)).toEqual(['crash-looping', 'failed', 'pending', 'pending', 'pending', 'running', 'running', 'running']);
    expect(countByStatus(healthyPods.map(toPodView))).toEqual({ 'crash-looping': 0, failed: 0, pending: 0, unknown: 0, running: 4, succeeded: 1 });
  });
});

describe('k8s-pods model: deployments and events', () => {
  it('reads a lower-case condition status', () => {
    expect(toDeploymentView(troubledDeployments[1] ?? troubledDeployments[0]!)).toMatchObject({ label: 'Degraded', tone: 'warn' });
  });

  it('keeps events of the pods, the deployments and their ReplicaSets; warnings first, newest first; at most MAX_EVENTS', () => {
    const event = (name: string, kind: string, type: string, minutes: number): KubeEvent => ({
      metadata: { name: `${name}.${minutes}`, uid: `${name}-${minutes}` }, type, reason: 'R', message: 'm', lastTimestamp: ago(minutes),
      involvedObject: { kind, name },
    });
    const events = [
      event('web-1', 'Pod', 'Normal', 1),
      event('web-6d9-abc', 'ReplicaSet', 'Normal', 2),
      event('other', 'Pod', 'Warning', 0),
      event('web', 'Deployment', 'Warning', 10),
      event('web-1', 'Pod', 'Warning', 5),
    ];
    const views = relevantEvents(events, new Set(['web-1']), ['web']);
    expect(views.map((v) => `${v.object} ${v.warning ? 'W' : 'N'}`)).toEqual(['Pod/web-1 W', 'Deployment/web W', 'Pod/web-1 N', 'ReplicaSet/web-6d9-abc N']);
    const many = Array.from({ length: 50 }, (_, i) => event('web-1', 'Pod', 'Normal', i));
    expect(relevantEvents(many, new Set(['web-1']), [])).toHaveLength(MAX_EVENTS);
  });
});
