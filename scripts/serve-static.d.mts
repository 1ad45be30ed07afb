/** Cache-Control for a served path: immutable for content-hashed files, no-cache otherwise. */
export function cacheControl(path: string): string;

export function serveStatic(options: {
  dir: string;
  port: number;
  host?: string;
  onRequest?: (path: string) => void;
}): Promise<{ origin: string; close: () => Promise<void> }>;
