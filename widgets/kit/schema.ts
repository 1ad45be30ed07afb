import * as z from 'zod/mini';

/** Schema helpers for the fields tools may send as absent or null. */

export const optionalText = z.optional(z.nullable(z.string()));
export const optionalNumber = z.optional(z.nullable(z.number()));

/** A field that may be absent or null. */
export const optional = <T extends z.ZodMiniType>(item: T) => z.optional(z.nullable(item));

/** A list that may be absent or null (Kubernetes and Argo CD omit empty lists). */
export const optionalList = <T extends z.ZodMiniType>(item: T) => z.optional(z.nullable(z.array(item)));
