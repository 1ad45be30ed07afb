import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/**
 * The CacheService with a time limit on every call: a cache that fails or hangs (a Redis
 * that went away) counts as a miss and never holds a request up.
 */
export class BoundedCache {
  private warned = false;

  constructor(
    private readonly cache: CacheService,
    private readonly timeoutMs: number,
    private readonly logger: LoggerService,
  ) {}

  get<T extends JsonValue>(key: string): Promise<T | undefined> {
    return this.bounded(() => this.cache.get<T>(key), 'get');
  }

  async set(key: string, value: JsonValue, ttlMs: number): Promise<void> {
    await this.bounded(() => this.cache.set(key, value, { ttl: ttlMs }), 'set');
  }

  private async bounded<T>(run: () => Promise<T>, what: string): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const result = await Promise.race([run(), timeout]);
      if (result === 'timeout') {
        this.warnOnce(`cache ${what} took longer than ${this.timeoutMs} ms; treated as a miss`);
        return undefined;
      }
      this.warned = false;
      return result;
    } catch (error) {
      this.warnOnce(`cache ${what} failed (${error instanceof Error ? error.message : String(error)}); treated as a miss`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private warnOnce(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(message);
  }
}
