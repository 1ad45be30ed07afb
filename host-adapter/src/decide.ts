import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionApi } from '@backstage/plugin-permission-react';
import type { Decision } from '../../widgets/kit/host.js';
import { PERMISSION_BY_ACTION } from './permissions.js';

/**
 * A widget action decided by the organisation's permission policy, with the entity as
 * the resource. Fails closed: an unknown action, no permission API, no entity, an
 * error or any answer but ALLOW is a deny.
 */
export async function decideAction(
  permissionApi: PermissionApi | undefined,
  action: string,
  entityRef: string | undefined,
): Promise<Decision> {
  const permission = PERMISSION_BY_ACTION[action];
  if (!permission || !permissionApi || !entityRef) return 'deny';
  try {
    const { result } = await permissionApi.authorize({ permission, resourceRef: entityRef });
    return result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
  } catch {
    return 'deny';
  }
}
