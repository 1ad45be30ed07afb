import { createHash } from 'node:crypto';
import type { BoundedCache } from './bounded-cache.js';
import type { ToolEndpoint } from './config.js';
import type { ToolAnswer } from './upstream.js';

type KeptAnswer = {
  status: number;
  contentType: string;
  body: string;
  /** The headers the call passes back (Grafana's framing headers on `/d-solo/`). */
  headers?: Record<string, string>;
  storedAt: number;
};

export type CacheOutcome = 'hit' | 'miss' | 'coalesced' | 'stale' | 'held';

export interface ReadResult {
  answer: ToolAnswer;
  cache: CacheOutcome;
  /** For a kept copy served because the tool failed or asked to wait. */
  stale?: { ageSeconds: number; reason: string };
}

export interface ReadRequest {
  endpoint: ToolEndpoint;
  /** Identifies the upstream request: method, URL and body. */
  identity: string;
  fetch: () => Promise<ToolAnswer>;
}

const isFailure = (answer: ToolAnswer) => answer.status === 429 || answer.status >= 500;

/**
 * Reads shared by every viewer: identical requests in this process share one upstream
 * call (single flight), answers are kept in the CacheService (shared by replicas on
 * Redis/Valkey) for the endpoint's TTL, a tool's 429 + Retry-After holds further calls
 * back until it passes, and when the tool fails a recent copy is served, marked stale.
 */
export class SharedReads {
  private readonly inFlight = new Map<string, Promise<ReadResult>>();
  private readonly heldUntil = new Map<string, number>();
  /** Per endpoint: bumped by an action, shared through the cache so every replica drops the old reads. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly cache: BoundedCache,
    private readonly staleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Drops every replica's cached reads of an endpoint (after an action changed the tool's state). */
  async invalidate(endpointKey: string): Promise<void> {
    const generation = Math.max(this.now(), (this.generations.get(endpointKey) ?? 0) + 1);
    this.generations.set(endpointKey, generation);
    await this.cache.set(`generation:${endpointKey}`, generation, Math.max(this.staleMs, 60_000) * 2);
  }

  private async generation(endpointKey: string): Promise<number> {
    const shared = await this.cache.get<number>(`generation:${endpointKey}`);
    const local = this.generations.get(endpointKey) ?? 0;
    if (shared !== undefined && shared > local) this.generations.set(endpointKey, shared);
    return Math.max(shared ?? 0, local);
  }

  async read(request: ReadRequest): Promise<ReadResult> {
    const { endpoint } = request;
    // The whole look-up (generation, cache, hold, tool) is shared by identical concurrent reads:
    // a read arriving while another is between its cache miss and its fetch must not fetch again.
    const flight = `${endpoint.key}\n${request.identity}`;
    let pending = this.inFlight.get(flight);
    const joined = pending !== undefined;
    if (!pending) {
      pending = this.generation(endpoint.key).then((generation) =>
        this.lookUp(request, `read:${endpoint.key}:${generation}:${createHash('sha256').update(request.identity).digest('base64url')}`),
      );
      this.inFlight.set(flight, pending);
      const forget = () => this.inFlight.delete(flight);
      pending.then(forget, forget);
    }
    const result = await pending;
    return joined && result.cache === 'miss' ? { ...result, cache: 'coalesced' } : result;
  }

  private async lookUp(request: ReadRequest, key: string): Promise<ReadResult> {
    const { endpoint } = request;
    const kept = await this.cache.get<KeptAnswer>(key);
    const age = kept ? this.now() - kept.storedAt : Infinity;
    if (kept && age < endpoint.ttlMs) return { answer: kept, cache: 'hit' };

    const holdMs = await this.holdRemaining(endpoint.key);
    if (holdMs > 0) {
      if (kept) return this.staleResult(kept, age, `${endpoint.key} asked to wait (429)`, 'held');
      const retryAfterSeconds = Math.ceil(holdMs / 1000);
      return {
        answer: { status: 429, contentType: 'application/json', body: JSON.stringify({ error: `${endpoint.key} asked to wait ${retryAfterSeconds} s` }), retryAfterSeconds },
        cache: 'held',
      };
    }

    let answer: ToolAnswer;
    try {
      answer = await this.fetchAndKeep(request, key);
    } catch (error) {
      if (kept && age < this.staleMs) return this.staleResult(kept, age, error instanceof Error ? error.message : 'tool failed');
      throw error;
    }
    if (isFailure(answer) && kept && age < this.staleMs) return this.staleResult(kept, age, `${endpoint.key} answered HTTP ${answer.status}`);
    return { answer, cache: 'miss' };
  }

  private async fetchAndKeep(request: ReadRequest, key: string): Promise<ToolAnswer> {
    const answer = await request.fetch();
    if (answer.status === 429 || (answer.status === 503 && answer.retryAfterSeconds !== undefined)) {
      await this.hold(request.endpoint.key, (answer.retryAfterSeconds ?? 1) * 1000);
    } else if (answer.status >= 200 && answer.status < 300) {
      const value: KeptAnswer = { status: answer.status, contentType: answer.contentType, body: answer.body, headers: answer.headers, storedAt: this.now() };
      await this.cache.set(key, value, Math.max(this.staleMs, request.endpoint.ttlMs));
    }
    return answer;
  }

  private async hold(endpointKey: string, ms: number): Promise<void> {
    const until = this.now() + ms;
    this.heldUntil.set(endpointKey, until);
    await this.cache.set(`hold:${endpointKey}`, until, ms);
  }

  private async holdRemaining(endpointKey: string): Promise<number> {
    const local = this.heldUntil.get(endpointKey) ?? 0;
    const shared = local > this.now() ? local : ((await this.cache.get<number>(`hold:${endpointKey}`)) ?? 0);
    return Math.max(0, Math.max(local, shared) - this.now());
  }

  private staleResult(kept: KeptAnswer, ageMs: number, reason: string, cache: CacheOutcome = 'stale'): ReadResult {
    return { answer: kept, cache, stale: { ageSeconds: Math.round(ageMs / 1000), reason } };
  }
}
