import { ProxiedSignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Signs in through the dev backend's dev provider (`GET /api/auth/dev/refresh` with
 * `x-dev-user`), which issues a real Backstage token for `user:default/<user>`.
 */
export function devSignInModule(user: string) {
  return createFrontendModule({
    pluginId: 'app',
    extensions: [
      SignInPageBlueprint.make({
        params: {
          loader: () => Promise.resolve((props) => <ProxiedSignInPage {...props} provider="dev" headers={{ 'x-dev-user': user }} />),
        },
      }),
    ],
  });
}
