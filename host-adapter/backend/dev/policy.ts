import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult, isResourcePermission, type PolicyDecision } from '@backstage/plugin-permission-common';
import { catalogConditions, createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import type { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PERMISSION_BY_ACTION } from '@platform-widgets/backstage-plugin-common';

const ACTION_PERMISSIONS = new Set(Object.values(PERMISSION_BY_ACTION).map((permission) => permission.name));

/**
 * The dev policy, the same as the README's example: every signed-in user may read; the
 * widgets' actions (sync, refresh, promote, logs) only the entity's owners may do.
 */
export class OwnersMayActPolicy implements PermissionPolicy {
  handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (ACTION_PERMISSIONS.has(request.permission.name) && isResourcePermission(request.permission, 'catalog-entity')) {
      return Promise.resolve(
        createCatalogConditionalDecision(request.permission, catalogConditions.isEntityOwner({ claims: user?.info.ownershipEntityRefs ?? [] })),
      );
    }
    return Promise.resolve({ result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY });
  }
}

export const devPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'platform-widgets-dev-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      init({ policy }) {
        policy.setPolicy(new OwnersMayActPolicy());
        return Promise.resolve();
      },
    });
  },
});
