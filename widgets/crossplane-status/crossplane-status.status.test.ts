import { describe, expect, it } from 'vitest';
import type { CrossplaneObject } from './crossplane-status.api.js';
import { conditionCellTone, deriveStatus } from './crossplane-status.status.js';

type Conditions = NonNullable<NonNullable<CrossplaneObject['status']>['conditions']>;

function object(conditions?: Conditions, annotations?: Record<string, string>): CrossplaneObject {
  return { metadata: { name: 'x', annotations }, ...(conditions ? { status: { conditions } } : {}) };
}

const ready = (status: string, reason = 'Available') => ({ type: 'Ready', status, reason });
const synced = (status: string, reason = 'ReconcileSuccess', message?: string) => ({ type: 'Synced', status, reason, message });

describe('deriveStatus', () => {
  it('Ready needs Ready=True and Synced=True (a missing Synced does not block it)', () => {
    expect(deriveStatus(object([ready('True'), synced('True')])).status).toBe('Ready');
    expect(deriveStatus(object([ready('True')])).status).toBe('Ready');
    expect(deriveStatus(object([ready('True'), synced('Unknown')])).status).toBe('Syncing');
  });

  it('Synced=False is Error whatever Ready says, and names the condition as the cause', () => {
    const derived = deriveStatus(object([ready('True'), synced('False', 'ReconcileError', 'boom')]));
    expect(derived.status).toBe('Error');
    expect(derived.cause?.message).toBe('boom');
    expect(deriveStatus(object([ready('False', 'Creating'), synced('False', 'ReconcileError')])).status).toBe('Error');
  });

  it('ReconcilePaused, or the paused annotation alone, is Paused', () => {
    expect(deriveStatus(object([synced('False', 'ReconcilePaused')])).status).toBe('Paused');
    const annotated = deriveStatus(object([ready('True'), synced('True')], { 'crossplane.io/paused': 'true' }));
    expect(annotated.status).toBe('Paused');
  });

  it('no status, no conditions, or Ready not True yet is Syncing', () => {
    expect(deriveStatus(object())).toMatchObject({ status: 'Syncing', note: 'no status yet' });
    expect(deriveStatus(object([]))).toMatchObject({ status: 'Syncing', note: 'no status yet' });
    expect(deriveStatus(object([ready('False', 'Creating'), synced('True')])).cause?.reason).toBe('Creating');
    expect(deriveStatus(object([{ type: 'LastAsyncOperation', status: 'True' }]))).toMatchObject({ status: 'Syncing', note: 'no Ready or Synced condition yet' });
  });

  it('condition status is read case-insensitively', () => {
    expect(deriveStatus(object([ready('true'), synced('true')])).status).toBe('Ready');
  });

  it('packages (Installed/Healthy) are Ready when both are True, Error when one is False', () => {
    expect(deriveStatus(object([{ type: 'Installed', status: 'True' }, { type: 'Healthy', status: 'True' }])).status).toBe('Ready');
    expect(deriveStatus(object([{ type: 'Installed', status: 'True' }, { type: 'Healthy', status: 'False', reason: 'UnhealthyPackageRevision' }])))
      .toMatchObject({ status: 'Error', cause: { reason: 'UnhealthyPackageRevision' } });
    expect(deriveStatus(object([{ type: 'Installed', status: 'True' }])).status).toBe('Syncing');
  });
});

describe('conditionCellTone', () => {
  it('paused is information, Synced=False an error, Ready=False a warning, a missing condition unknown', () => {
    expect(conditionCellTone(synced('False', 'ReconcilePaused'))).toBe('info');
    expect(conditionCellTone(synced('False', 'ReconcileError'))).toBe('error');
    expect(conditionCellTone(ready('False', 'Creating'))).toBe('warn');
    expect(conditionCellTone(ready('Unknown'))).toBe('progress');
    expect(conditionCellTone(undefined)).toBe('unknown');
  });
});
