import type { ZodMiniType } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { validate } from '../client.js';

/** Where the shared upstream responses live, relative to the repository root. */
export const UPSTREAM_DIR = '../shared/fixtures/upstream';

export interface ConformanceOptions<T> {
  system: string;
  /** `import.meta.glob('…/upstream/<system>/*.json', { eager: true, import: 'default' })` */
  files: Record<string, unknown>;
  schema: ZodMiniType<T>;
  /** Optional extra check per parsed file, e.g. rendering it. */
  check?: (data: T, raw: unknown, file: string) => Promise<void> | void;
}

/**
 * Parses every real upstream response with the widget's schema. When the shared
 * folder is absent the suite says so in its test name and is reported as skipped.
 */
export function conformance<T>(options: ConformanceOptions<T>): void {
  const entries = Object.entries(options.files);
  const where = `${UPSTREAM_DIR}/${options.system}`;
  describe(`${options.system}: conformance with real upstream responses`, () => {
    if (entries.length === 0) {
      console.warn(`[conformance] ${where} not found: upstream conformance of ${options.system} NOT checked.`);
    }
    it.skipIf(entries.length === 0)(`parses all ${entries.length} files in ${where}`, () => {
      for (const [file, raw] of entries) {
        expect(() => validate(options.schema, raw), file).not.toThrow();
      }
    });
    const check = options.check;
    if (check) {
      for (const [file, raw] of entries) {
        it(`renders ${file.split('/').at(-1) ?? file}`, async () => {
          await check(validate(options.schema, raw), raw, file);
        });
      }
    }
  });
}
