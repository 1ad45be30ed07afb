import { describe, expect, it } from 'vitest';
import type { PipelineRun } from './tekton-runs.api.js';
import { failedTask, newestFirst, parseScanOutput, runDuration, runStatus, toRunView } from './tekton-runs.model.js';

function run(name: string, status?: PipelineRun['status'], created?: string): PipelineRun {
  return { metadata: { name, creationTimestamp: created }, status };
}

function withCondition(statusValue: string, reason?: string, message?: string): PipelineRun {
  return run('r', { conditions: [{ type: 'Succeeded', status: statusValue, reason, message }] });
}

describe('runStatus: from the Succeeded condition', () => {
  it.each([
    ['True', 'Succeeded', 'Succeeded'],
    ['True', 'Completed', 'Succeeded'],
    ['False', 'Failed', 'Failed'],
    ['False', 'PipelineRunTimeout', 'Failed'],
    ['False', 'Cancelled', 'Cancelled'],
    ['False', 'StoppedRunFinally', 'Cancelled'],
    ['False', 'PipelineRunCancelled', 'Cancelled'],
    ['Unknown', 'Running', 'Running'],
    ['Unknown', 'Pending', 'Pending'],
    ['Unknown', 'PipelineRunPending', 'Pending'],
    ['false', 'Failed', 'Failed'],
  ] as const)('%s / %s → %s', (statusValue, reason, expected) => {
    expect(runStatus(withCondition(statusValue, reason))).toBe(expected);
  });

  it('a run with no status, or no Succeeded condition, is Pending', () => {
    expect(runStatus(run('new'))).toBe('Pending');
    expect(runStatus(run('odd', { conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('Pending');
  });
});

describe('newestFirst', () => {
  it('orders by startTime, else creationTimestamp; runs with no time last', () => {
    const runs = [
      run('old', { startTime: '2024-05-01T10:00:00Z' }),
      run('none'),
      run('created', undefined, '2024-05-03T10:00:00Z'),
      run('started', { startTime: '2024-05-02T10:00:00Z' }, '2024-05-01T00:00:00Z'),
    ];
    expect(newestFirst(runs).map((r) => r.metadata.name)).toEqual(['created', 'started', 'old', 'none']);
  });
});

describe('runDuration', () => {
  it('is completion minus start, or running time, and nothing before the start', () => {
    const done = toRunView({ ...withCondition('True'), status: { startTime: '2024-05-01T10:00:00Z', completionTime: '2024-05-01T10:04:30Z', conditions: [{ type: 'Succeeded', status: 'True' }] } });
    expect(runDuration(done)).toBe(270_000);
    const running = toRunView({ metadata: { name: 'r' }, status: { startTime: '2024-05-01T10:00:00Z', conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Running' }] } });
    expect(runDuration(running, Date.parse('2024-05-01T10:01:00Z'))).toBe(60_000);
    expect(runDuration(toRunView(run('new', undefined, '2024-05-01T10:00:00Z')))).toBeUndefined();
  });
});

describe('parseScanOutput', () => {
  it('counts severities from a JSON string or an object result', () => {
    expect(parseScanOutput({ name: 'SCAN_OUTPUT', value: '{"vulnerabilities":{"critical":0,"high":1,"medium":2,"low":3}}' }))
      .toEqual({ name: 'SCAN_OUTPUT', ok: true, counts: { critical: 0, high: 1, medium: 2, low: 3 } });
    expect(parseScanOutput({ name: 'X_SCAN_OUTPUT', value: { vulnerabilities: { critical: '2', unknown: 4 } } }))
      .toEqual({ name: 'X_SCAN_OUTPUT', ok: true, counts: { critical: 2, unknown: 4 } });
  });

  it.each([
    ['not JSON', 'scanner crashed'],
    ['truncated JSON', '{"vulnerabilities":{"critical":'],
    ['no vulnerabilities key', '{"summary":{}}'],
    ['null', 'null'],
    ['negative and junk counts', '{"vulnerabilities":{"critical":-1,"high":"many"}}'],
    ['an array value', ['a', 'b']],
    ['a missing value', undefined],
  ])('tolerates %s', (_, value) => {
    expect(parseScanOutput({ name: 'SCAN_OUTPUT', value })).toEqual({ name: 'SCAN_OUTPUT', ok: false });
  });
});

describe('failedTask: without TaskRuns', () => {
  it('finds the child the condition message names', () => {
    const failed: PipelineRun = {
      metadata: { name: 'build-1' },
      status: {
        conditions: [{ type: 'Succeeded', status: 'False', reason: 'Failed', message: 'TaskRun build-1-compile failed: exit code 2' }],
        childReferences: [{ name: 'build-1-fetch', pipelineTaskName: 'fetch' }, { name: 'build-1-compile', pipelineTaskName: 'compile' }],
      },
    };
    expect(failedTask(failed)).toBe('compile');
  });

  it('reads the v1beta1 embedded TaskRun statuses', () => {
    const failed: PipelineRun = {
      metadata: { name: 'build-2' },
      status: {
        conditions: [{ type: 'Succeeded', status: 'False', reason: 'Failed', message: 'Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 0' }],
        taskRuns: {
          'build-2-fetch': { pipelineTaskName: 'fetch', status: { conditions: [{ type: 'Succeeded', status: 'True' }] } },
          'build-2-test': { pipelineTaskName: 'test', status: { conditions: [{ type: 'Succeeded', status: 'False' }] } },
        },
      },
    };
    expect(failedTask(failed)).toBe('test');
  });

  it('names nothing when the message names no child', () => {
    expect(failedTask(withCondition('False', 'Failed', 'Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 0'))).toBeUndefined();
  });
});
