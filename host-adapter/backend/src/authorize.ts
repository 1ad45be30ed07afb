import type { BackstageCredentials, BackstageUserPrincipal, PermissionsService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ACTIONS, PERMISSION_BY_ACTION, READ_PERMISSION_BY_SYSTEM, type ActionId } from '@platform-widgets/backstage-plugin-common';
import type { ParsedCall } from './parse-request.js';

/** Why a call is refused: the HTTP status and one line for the widget. */
export class Refusal extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export interface Authorizer {
  permissions: PermissionsService;
  catalog: CatalogService;
  permissionsEnabled: boolean;
  /** Read decisions per user and system, reused briefly (a poll every few seconds need not ask each time). */
  readDecisions?: ReadDecisionCache;
}

/** Remembers read decisions for a few seconds; bounded, oldest dropped first. Actions are never remembered. */
export class ReadDecisionCache {
  private readonly entries = new Map<string, { allow: boolean; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): boolean | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.until <= this.now()) return undefined;
    return entry.allow;
  }

  set(key: string, allow: boolean): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { allow, until: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

async function decide(authorizer: Authorizer, request: Parameters<PermissionsService['authorize']>[0][number], credentials: UserCredentials): Promise<boolean> {
  try {
    const [decision] = await authorizer.permissions.authorize([request], { credentials });
    return decision?.result === AuthorizeResult.ALLOW;
  } catch {
    throw new Refusal(503, 'No permission decision could be had; refused');
  }
}

/** A read needs the system's read permission. */
export async function authorizeRead(authorizer: Authorizer, call: ParsedCall, credentials: UserCredentials): Promise<void> {
  const key = `${credentials.principal.userEntityRef}\n${call.endpoint.system}`;
  let allowed = authorizer.readDecisions?.get(key);
  if (allowed === undefined) {
    allowed = await decide(authorizer, { permission: READ_PERMISSION_BY_SYSTEM[call.endpoint.system] }, credentials);
    authorizer.readDecisions?.set(key, allowed);
  }
  if (!allowed) {
    throw new Refusal(403, `Not allowed to read ${call.endpoint.key}`);
  }
}

/** The resource an action names: a path parameter, or a field of the JSON body. */
function actionResource(call: ParsedCall, body: string | undefined): string | undefined {
  const source = call.call.resource;
  if (!source) return undefined;
  if ('path' in source) return call.params[source.path];
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    const value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[source.body] : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function readEntity(authorizer: Authorizer, entityRef: string | undefined, credentials: UserCredentials): Promise<Entity> {
  if (!entityRef) throw new Refusal(403, 'Actions need the entity they are done for (X-Platform-Widgets-Entity)');
  let ref: string;
  try {
    ref = stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    throw new Refusal(403, 'The entity reference is not valid');
  }
  let entity: Entity | undefined;
  try {
    entity = await authorizer.catalog.getEntityByRef(ref, { credentials });
  } catch {
    throw new Refusal(503, 'The catalog could not be read; refused');
  }
  if (!entity) throw new Refusal(403, `${ref} is not in the catalog, or not visible to you`);
  return entity;
}

/**
 * An action is allowed only when the permission framework is on, the entity names the
 * resource the action is done on (its annotation), and the policy allows the action's
 * permission on that entity. Anything else refuses; nothing here touches the tool.
 */
export async function authorizeAction(
  authorizer: Authorizer,
  call: ParsedCall,
  action: ActionId,
  entityRef: string | undefined,
  body: string | undefined,
  credentials: UserCredentials,
): Promise<{ entityRef: string; resource: string }> {
  if (!authorizer.permissionsEnabled) {
    throw new Refusal(503, 'Actions are refused: the permission framework is not enabled (permission.enabled: true)');
  }
  const entity = await readEntity(authorizer, entityRef, credentials);
  const ref = stringifyEntityRef(entity);
  const definition = ACTIONS[action];
  const resource = actionResource(call, body);
  const named = entity.metadata.annotations?.[definition.annotation];
  if (!resource || !named || named !== resource) {
    throw new Refusal(403, `${ref} does not name ${resource ?? 'this resource'} (${definition.annotation})`);
  }
  if (!(await decide(authorizer, { permission: PERMISSION_BY_ACTION[action], resourceRef: ref }, credentials))) {
    throw new Refusal(403, `Not allowed: ${definition.title.toLowerCase()} for ${ref}`);
  }
  return { entityRef: ref, resource };
}
