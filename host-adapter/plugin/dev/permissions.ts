import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef, type PermissionApi } from '@backstage/plugin-permission-react';
import { ApiBlueprint, createFrontendModule } from '@backstage/frontend-plugin-api';

/**
 * A stand-in permission policy: everything is allowed except the permission names in the
 * page's `?deny=` query (comma list), e.g. `?deny=platform.argocd.application.sync`.
 */
export function queryPermissionApi(search: string): PermissionApi {
  const denied = new Set((new URLSearchParams(search).get('deny') ?? '').split(',').filter(Boolean));
  return {
    authorize: (request) => Promise.resolve({ result: denied.has(request.permission.name) ? AuthorizeResult.DENY : AuthorizeResult.ALLOW }),
  };
}

export const devPermissionModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    ApiBlueprint.make({
      name: 'permission',
      params: (defineParams) => defineParams({ api: permissionApiRef, deps: {}, factory: () => queryPermissionApi(window.location.search) }),
    }),
  ],
});
