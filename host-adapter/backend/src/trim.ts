import { KUBERNETES_OBJECT_SYSTEMS, type SystemId } from '@platform-widgets/backstage-plugin-common';
import type { ToolAnswer } from './upstream.js';

function dropManagedFields(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropManagedFields(item);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const metadata = record['metadata'];
    if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) delete (metadata as Record<string, unknown>)['managedFields'];
    for (const child of Object.values(record)) if (child && typeof child === 'object') dropManagedFields(child);
  }
}

/**
 * A Kubernetes-style answer without `metadata.managedFields` anywhere in it (no widget reads
 * them; they are often half the bytes of every object). Anything that is not such JSON passes as is.
 */
export function trimAnswer(system: SystemId, answer: ToolAnswer): ToolAnswer {
  if (!KUBERNETES_OBJECT_SYSTEMS.includes(system) || !answer.contentType.includes('json') || !answer.body.includes('"managedFields"')) return answer;
  try {
    const parsed: unknown = JSON.parse(answer.body);
    dropManagedFields(parsed);
    return { ...answer, body: JSON.stringify(parsed) };
  } catch {
    return answer;
  }
}
