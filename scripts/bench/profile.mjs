// A Chromium CPU profile of one bench run (`BENCH_PROFILE=1 npm run bench`): CDP Profiler
// around a page function, reduced to the functions with the most self time.

/**
 * Self time per function (name, file, line) from a CDP Profiler.Profile: each sample's time
 * delta goes to the node it landed in; nodes of the same function are summed.
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }>, samples: number[], timeDeltas: number[] }} profile
 * @param {number} top
 */
export function topSelfTime(profile, top = 15) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 100) / 10, share: `${((100 * us) / total).toFixed(1)} %` }));
}

/** Runs `expression` in `page` under the CPU profiler; returns its value and the top self-time functions. */
export async function profiled(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const value = await page.evaluate(expression);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { value, top: topSelfTime(profile) };
}
