// The bench's data: 500 Argo CD apps (5 of them changing) and 5,000 pods (50 of them changing).

export const APPS = 500;
export const CHANGED = 5;
/** <k8s-pods>: a 5,000-pod list, and a refresh in which 50 running pods start crash-looping. */
export const PODS = 5_000;
export const PODS_CHANGED = 50;
export const K8S_PAGE = {
  tag: 'k8s-pods',
  markup: '<k8s-pods namespace="storefront" kubernetes-id="guestbook" refresh-interval="0"></k8s-pods>',
  script: 'k8s-page.js',
};

/** What the selector's summary counts as "not synced". */
const notSynced = (apps) => apps.filter((app) => app.status?.sync?.status !== 'Synced').length;

/**
 * The list manyApps(500) and the same list with 5 healthy, synced apps turned degraded and out
 * of sync, among the rows the widget shows (it lists the first `shownRows`, then "N more").
 */
export function benchData(manyApps, listLimit) {
  const initial = manyApps(APPS);
  const shownRows = Math.min(APPS, listLimit);
  const changedIndexes = [];
  for (let k = 0; k < CHANGED; k += 1) {
    let index = Math.round((k * (shownRows - 1)) / (CHANGED - 1));
    const fits = (i) => initial[i]?.status?.health?.status === 'Healthy' && initial[i]?.status?.sync?.status === 'Synced';
    while (index > 0 && (!fits(index) || changedIndexes.includes(index))) index -= 1;
    if (!fits(index)) throw new Error('manyApps() has no healthy, synced app to change');
    changedIndexes.push(index);
  }
  const changed = JSON.parse(JSON.stringify(initial));
  for (const index of changedIndexes) {
    const status = changed[index].status;
    status.sync = { ...status.sync, status: 'OutOfSync' };
    status.health = { status: 'Degraded', message: 'Deployment exceeded its progress deadline' };
  }
  return {
    initial,
    changed,
    changedIndexes,
    shownRows,
    expect: {
      initial: { sync: 'Synced', health: 'Healthy', notSynced: notSynced(initial) },
      changed: { sync: 'Out of sync', health: 'Degraded', notSynced: notSynced(changed) },
    },
  };
}

const isCrashLooping = (pod) => (pod.status?.containerStatuses ?? []).some((s) => s.state?.waiting?.reason === 'CrashLoopBackOff');

/** manyPods(5000), and the same list with 50 running pods (spread over the list, the first visible ones included) crash-looping. */
export function podBenchData(manyPods) {
  const initial = manyPods(PODS);
  const running = initial.map((pod, index) => [pod, index]).filter(([pod]) => pod.status?.phase === 'Running' && !isCrashLooping(pod)).map(([, index]) => index);
  const step = Math.floor(running.length / PODS_CHANGED);
  const changedIndexes = Array.from({ length: PODS_CHANGED }, (_, k) => running[k * step]);
  const changed = JSON.parse(JSON.stringify(initial));
  for (const index of changedIndexes) {
    const status = changed[index].status.containerStatuses[0];
    status.ready = false;
    status.restartCount = (status.restartCount ?? 0) + 5;
    status.state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container' } };
    // Every change of an object gets a new resourceVersion from the API server.
    changed[index].metadata.resourceVersion = `${changed[index].metadata.resourceVersion ?? '0'}-1`;
  }
  const before = initial.filter(isCrashLooping).length;
  return {
    initial,
    changed,
    changedIndexes,
    expect: { initial: `${before} crash-looping`, changed: `${before + PODS_CHANGED} crash-looping` },
  };
}

