import type { RequestHandler } from 'msw';

export interface MswParameters<K extends string> {
  msw: { handlers: Record<K, RequestHandler[]> };
}

/**
 * Story parameters with a widget's handlers under one key: a story's handlers under that
 * key replace the default's (Storybook merges parameter objects key by key, and the first
 * matching handler wins).
 */
export function mswUnder<K extends string>(key: K): (handlers: RequestHandler[]) => MswParameters<K> {
  return (handlers) => ({ msw: { handlers: { [key]: handlers } as Record<K, RequestHandler[]> } });
}

/** An attribute from a text control: an empty control means no attribute at all. */
export function attr(value: string | undefined): string | undefined {
  return value || undefined;
}
