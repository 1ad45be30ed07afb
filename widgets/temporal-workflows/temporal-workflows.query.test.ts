import { describe, expect, it } from 'vitest';
import { WidgetError } from '../kit/index.js';
import { countsFromGroups, executionLink, groupStatus, mostTelling, workflowsLink } from './temporal-workflows.api.js';
import {
  formatRetention,
  groupByStatus,
  normalizeNamespaceState,
  normalizeStatus,
  quoteValue,
  toCount,
  visibilityQuery,
  withStatuses,
} from './temporal-workflows.query.js';

describe('temporal-workflows: statuses and numbers', () => {
  it('normalises both spellings of every status, and enum numbers', () => {
    const pairs = [
      ['WORKFLOW_EXECUTION_STATUS_RUNNING', 'Running'],
      ['WORKFLOW_EXECUTION_STATUS_COMPLETED', 'Completed'],
      ['WORKFLOW_EXECUTION_STATUS_FAILED', 'Failed'],
      ['WORKFLOW_EXECUTION_STATUS_CANCELED', 'Canceled'],
      ['WORKFLOW_EXECUTION_STATUS_TERMINATED', 'Terminated'],
      ['WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW', 'ContinuedAsNew'],
      ['WORKFLOW_EXECUTION_STATUS_TIMED_OUT', 'TimedOut'],
    ] as const;
    for (const [raw, short] of pairs) {
      expect(normalizeStatus(raw)).toBe(short);
      expect(normalizeStatus(short)).toBe(short);
    }
    expect(normalizeStatus(7)).toBe('TimedOut');
    expect(normalizeStatus('Cancelled')).toBe('Canceled');
    expect(normalizeStatus('WORKFLOW_EXECUTION_STATUS_UNSPECIFIED')).toBe('Unknown');
    expect(normalizeStatus(null)).toBe('Unknown');
    expect(normalizeStatus('WORKFLOW_EXECUTION_STATUS_PAUSED')).toBe('Paused');
    expect(normalizeNamespaceState('NAMESPACE_STATE_REGISTERED')).toBe('Registered');
    expect(normalizeNamespaceState('Deprecated')).toBe('Deprecated');
    expect(normalizeNamespaceState(undefined)).toBe('Unknown');
  });

  it('reads 64-bit numbers sent as strings or numbers', () => {
    expect(toCount('9007199254740993')).toBeGreaterThan(9e15);
    expect(toCount(18)).toBe(18);
    expect(toCount('18')).toBe(18);
    expect(toCount('')).toBeUndefined();
    expect(toCount('n/a')).toBeUndefined();
  });

  it('formats retention durations', () => {
    expect(formatRetention('86400s')).toBe('1 day');
    expect(formatRetention('259200s')).toBe('3 days');
    expect(formatRetention('5400s')).toBe('1.5 hours');
    expect(formatRetention(0)).toBeUndefined();
    expect(formatRetention('forever')).toBeUndefined();
  });
});

describe('temporal-workflows: visibility queries', () => {
  it('quotes values with " and \\ escaped, so a value cannot end its literal', () => {
    expect(quoteValue('a"b')).toBe('"a\\"b"');
    expect(quoteValue('a\\')).toBe('"a\\\\"');
    expect(quoteValue('x" OR WorkflowType!="y')).toBe('"x\\" OR WorkflowType!=\\"y"');
  });

  it('ANDs the filters and keeps the raw query in parentheses', () => {
    expect(visibilityQuery({})).toBe('');
    expect(visibilityQuery({ workflowType: ' ChargeCard ' })).toBe('WorkflowType="ChargeCard"');
    expect(visibilityQuery({ query: 'A="1" OR B="2"' })).toBe('(A="1" OR B="2")');
    expect(visibilityQuery({ workflowType: 'T', taskQueue: 'Q', query: 'A="1"' })).toBe('WorkflowType="T" AND TaskQueue="Q" AND (A="1")');
    expect(withStatuses('(A="1" OR B="2")', ['Running'])).toBe('(A="1" OR B="2") AND ExecutionStatus="Running"');
    expect(withStatuses('', ['Failed', 'TimedOut'])).toBe('(ExecutionStatus="Failed" OR ExecutionStatus="TimedOut")');
    expect(groupByStatus('')).toBe('GROUP BY ExecutionStatus');
    expect(groupByStatus('WorkflowType="T"')).toBe('WorkflowType="T" GROUP BY ExecutionStatus');
  });
});

describe('temporal-workflows: counts and links', () => {
  it('decodes group values as full payloads or shorthand', () => {
    const full = { metadata: { encoding: btoa('json/plain') }, data: btoa('"Running"') };
    expect(groupStatus([full])).toBe('Running');
    expect(groupStatus(['WORKFLOW_EXECUTION_STATUS_FAILED'])).toBe('Failed');
    expect(groupStatus([{ data: 'not base64 json!' }])).toBe('Unknown');
    expect(groupStatus([])).toBe('Unknown');
    const counts = countsFromGroups({ count: '12', groups: [{ groupValues: [full], count: '9' }, { groupValues: ['Failed'], count: 3 }] });
    expect(counts?.total).toBe(12);
    expect(counts?.byStatus.get('Running')).toBe(9);
    expect(counts?.byStatus.get('Failed')).toBe(3);
    expect(countsFromGroups({ count: '12' })).toBeUndefined();
    expect(countsFromGroups({ count: '0', groups: [] })?.total).toBe(0);
  });

  it('builds the Temporal UI links with encoded segments and the same query', () => {
    const ui = 'https://temporal.example.com/';
    expect(workflowsLink(ui, 'payments')).toBe('https://temporal.example.com/namespaces/payments/workflows');
    expect(workflowsLink(ui, 'payments', 'WorkflowType="A B"')).toBe(
      'https://temporal.example.com/namespaces/payments/workflows?query=WorkflowType%3D%22A+B%22',
    );
    expect(executionLink(ui, 'payments', { execution: { workflowId: 'order/1', runId: 'r-1' } })).toBe(
      'https://temporal.example.com/namespaces/payments/workflows/order%2F1/r-1/history',
    );
    expect(executionLink(ui, 'payments', { execution: { workflowId: 'order-1' } })).toBe(
      'https://temporal.example.com/namespaces/payments/workflows/order-1',
    );
    expect(workflowsLink('javascript:alert(1)', 'payments')).toBeUndefined();
  });
});

describe('temporal-workflows: parallel failures', () => {
  it('reports the failure a person can act on, and an abort before anything', () => {
    const timeout = new WidgetError('timeout', 'slow');
    const signIn = new WidgetError('unauthorized', 'HTTP 401', { status: 401 });
    const outage = new WidgetError('unavailable', 'HTTP 503', { status: 503 });
    expect(mostTelling([timeout, outage, signIn])).toBe(signIn);
    expect(mostTelling([timeout, outage])).toBe(outage);
    const abort = new DOMException('Aborted', 'AbortError');
    expect(mostTelling([signIn, abort])).toBe(abort);
  });
});
