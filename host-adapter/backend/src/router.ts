import type { AuditorService, BackstageCredentials, BackstageUserPrincipal, HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ENTITY_HEADER, REDIRECTED_HEADER, STALE_AGE_HEADER, STALE_REASON_HEADER } from '@platform-widgets/backstage-plugin-common';
import express, { type Request, type Response } from 'express';
import { authorizeAction, authorizeRead, Refusal, type Authorizer } from './authorize.js';
import type { PluginSettings } from './config.js';
import { parseCall, type ParsedCall } from './parse-request.js';
import type { ReadResult, SharedReads } from './reads.js';
import { trimAnswer } from './trim.js';
import { callTool, upstreamHeaders, UpstreamError, type ToolAnswer } from './upstream.js';

export interface RouterOptions {
  settings: PluginSettings;
  httpAuth: HttpAuthService;
  authorizer: Authorizer;
  reads: SharedReads;
  auditor: AuditorService;
  logger: LoggerService;
  fetchImpl?: typeof fetch;
}

/** Header saying how a read was served: hit, miss, coalesced, stale or held. */
export const CACHE_HEADER = 'X-Platform-Widgets-Cache';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

function refuse(res: Response, status: number, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ 'Cache-Control': 'no-store', ...headers }).json({ error: message });
}

function send(res: Response, answer: ToolAnswer, read?: ReadResult, passed: readonly string[] = []): void {
  res.status(answer.status).set({ 'Content-Type': answer.contentType, 'Cache-Control': 'no-store' });
  // The tool's own value or none: never one the host's security middleware may have set on
  // every answer, which the widget would take for the tool's.
  for (const name of passed) {
    const value = answer.headers?.[name];
    if (value === undefined) res.removeHeader(name);
    else res.set(name, value);
  }
  if (answer.retryAfterSeconds !== undefined) res.set('Retry-After', String(answer.retryAfterSeconds));
  if (read) res.set(CACHE_HEADER, read.cache);
  if (read?.stale) res.set({ [STALE_AGE_HEADER]: String(read.stale.ageSeconds), [STALE_REASON_HEADER]: encodeURIComponent(read.stale.reason) });
  res.send(answer.body);
}

async function userCredentials(httpAuth: HttpAuthService, req: Request): Promise<UserCredentials> {
  try {
    return await httpAuth.credentials(req, { allow: ['user'] });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw new Refusal(name === 'NotAllowedError' ? 403 : 401, name === 'NotAllowedError' ? 'Only signed-in users may call the tools' : 'Sign-in needed');
  }
}

function bodyText(req: Request): string | undefined {
  return Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body.toString('utf8') : undefined;
}

async function runAction(options: RouterOptions, req: Request, res: Response, call: ParsedCall, credentials: UserCredentials): Promise<void> {
  const action = call.call.action!;
  const body = bodyText(req);
  const event = await options.auditor.createEvent({
    eventId: 'tool-action',
    severityLevel: 'medium',
    request: req,
    meta: { action, endpoint: call.endpoint.key, path: `/${call.segments.join('/')}`, entityRef: req.get(ENTITY_HEADER) ?? null },
  });
  try {
    const { resource } = await authorizeAction(options.authorizer, call, action, req.get(ENTITY_HEADER), body, credentials);
    const answer = await callTool(call, upstreamHeaders(call, req.headers), body, {
      timeoutMs: options.settings.upstreamTimeoutMs,
      maxResponseBytes: options.settings.maxResponseBytes,
      fetchImpl: options.fetchImpl,
    });
    if (answer.status < 400) await options.reads.invalidate(call.endpoint.key);
    if (answer.status < 400) await event.success({ meta: { resource, status: answer.status } });
    else await event.fail({ error: new Error(`${call.endpoint.key} answered HTTP ${answer.status}`), meta: { resource, status: answer.status } });
    send(res, answer, undefined, call.call.responseHeaders);
  } catch (error) {
    await event.fail({ error: error instanceof Error ? error : new Error(String(error)), meta: { status: error instanceof Refusal || error instanceof UpstreamError ? error.status : 500 } });
    throw error;
  }
}

async function runRead(options: RouterOptions, req: Request, res: Response, call: ParsedCall, credentials: UserCredentials): Promise<void> {
  await authorizeRead(options.authorizer, call, credentials);
  const body = bodyText(req);
  const headers = upstreamHeaders(call, req.headers);
  const result = await options.reads.read({
    endpoint: call.endpoint,
    identity: `${call.method} ${call.upstreamUrl}\n${headers.get('accept')}\n${body ?? ''}`,
    fetch: async () =>
      trimAnswer(
        call.endpoint.system,
        await callTool(call, headers, body, {
          timeoutMs: options.settings.upstreamTimeoutMs,
          maxResponseBytes: options.settings.maxResponseBytes,
          fetchImpl: options.fetchImpl,
        }),
      ),
  });
  send(res, result.answer, result, call.call.responseHeaders);
}

/**
 * `/<endpoint key>/<tool path>`: a signed-in user (else 401), one of the calls the widgets
 * make (else 404), allowed by the permission policy (else 403), then the tool — reads
 * through the shared cache, actions straight through and audited.
 */
export function createRouter(options: RouterOptions): express.Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: '1mb' }));
  router.use((req, res) => {
    void (async () => {
      try {
        const credentials = await userCredentials(options.httpAuth, req);
        const call = parseCall(req.url, req.method, options.settings.endpoints);
        if (!call) return refuse(res, 404, 'Not a call the widgets make');
        if (call.call.action) await runAction(options, req, res, call, credentials);
        else await runRead(options, req, res, call, credentials);
      } catch (error) {
        if (error instanceof Refusal) return refuse(res, error.status, error.message);
        if (error instanceof UpstreamError) return refuse(res, error.status, error.message, error.redirected ? { [REDIRECTED_HEADER]: '1' } : {});
        options.logger.error(`platform-widgets request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) refuse(res, 500, 'Internal error');
      }
    })();
  });
  return router;
}
