import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionApi } from '@backstage/plugin-permission-react';
import { isActionId, PERMISSION_BY_ACTION, type Decision } from '@platform-widgets/backstage-plugin-common';

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
  if (!isActionId(action) || !permissionApi || !entityRef) return 'deny';
  const permission = PERMISSION_BY_ACTION[action];
  try {
    const { result } = await permissionApi.authorize({ permission, resourceRef: entityRef });
    return result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
  } catch {
    return 'deny';
  }
}
