import type { BadgePart, BadgeSummary } from '../kit/index.js';
import type { Problem } from './k8s-pods.problems.js';
import type { PodStatus } from './k8s-pods.status.js';

/** What the one-line badge reads of a load. */
export interface PodsAtAGlance {
  pods: readonly unknown[];
  counts: Readonly<Record<PodStatus, number>>;
  problems: readonly Problem[];
}

/** The badge's line: pods running of those expected to, then the first problems. */
export function podsSummary(data: PodsAtAGlance): BadgeSummary {
  const expected = data.pods.length - data.counts.succeeded;
  const problems = data.problems.map((problem): BadgePart => {
    const count = problem.subjects.length;
    const noun = problem.kind === 'ProgressDeadlineExceeded' ? 'deployment' : 'pod';
    return { tone: 'error', text: `${count} ${noun}${count === 1 ? '' : 's'} ${problem.kind}`, title: problem.message };
  });
  // One line: the first two problems, then how many more.
  const shown = problems.length > 3 ? [...problems.slice(0, 2), { tone: 'error' as const, text: `${problems.length - 2} more problems` }] : problems;
  if (!data.pods.length) return { parts: [{ tone: 'info', text: 'no pods' }, ...shown] };
  const allRunning = data.counts.running === expected;
  return { parts: [{ tone: allRunning ? 'ok' : 'warn', text: `${data.counts.running}/${expected} running` }, ...shown] };
}
