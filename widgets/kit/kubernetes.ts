import * as z from 'zod/mini';
import type { Tone } from './ui/status.js';

/** Shapes shared by every widget that reads Kubernetes objects (pods, CRDs of Crossplane, Tekton, Kargo). */

export const optionalText = z.optional(z.nullable(z.string()));

export const objectMetaSchema = z.object({
  name: z.string(),
  namespace: optionalText,
  uid: optionalText,
  creationTimestamp: optionalText,
  labels: z.optional(z.nullable(z.record(z.string(), z.string()))),
  annotations: z.optional(z.nullable(z.record(z.string(), z.string()))),
});

export const conditionSchema = z.object({
  type: z.string(),
  status: optionalText,
  reason: optionalText,
  message: optionalText,
  lastTransitionTime: optionalText,
});

export type ObjectMeta = z.infer<typeof objectMetaSchema>;
export type Condition = z.infer<typeof conditionSchema>;

/** A `…List` answer: `items` may be missing or null when nothing matches. */
export function listSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.optional(z.nullable(z.array(item))) });
}

export function findCondition(conditions: ReadonlyArray<Condition> | null | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/** Condition status compared case-insensitively: some producers write "true"/"false". */
export function conditionStatus(condition: Condition | undefined): 'True' | 'False' | 'Unknown' | undefined {
  const status = condition?.status?.toLowerCase();
  if (status === 'true') return 'True';
  if (status === 'false') return 'False';
  return status === undefined ? undefined : 'Unknown';
}

export function conditionTone(condition: Condition | undefined): Tone {
  const status = conditionStatus(condition);
  if (status === 'True') return 'ok';
  if (status === 'False') return 'error';
  return status === 'Unknown' ? 'progress' : 'unknown';
}

/** `app=web,tier in (a,b)` → validated label selector text, or undefined if it has characters a selector cannot hold. */
export function labelSelector(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^[\w.\-/=!,() ]+$/.test(trimmed) ? trimmed : undefined;
}
