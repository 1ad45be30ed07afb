import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import { authProvidersExtensionPoint, createProxyAuthenticator, createProxyAuthProviderFactory } from '@backstage/plugin-auth-node';

/**
 * Development sign-in only (registered by this dev entry, never by the plugin package):
 * `GET /api/auth/dev/refresh` with `x-dev-user: alice` signs in as `user:default/alice`,
 * who must exist in the catalog (ownership comes from there).
 */
const devAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: (result: { user: string }) => Promise.resolve({ profile: { displayName: result.user } }),
  initialize: () => ({}),
  authenticate({ req }) {
    const user = req.header('x-dev-user');
    if (!user || !/^[a-z][a-z0-9-]{0,62}$/.test(user)) return Promise.reject(new AuthenticationError('Dev sign-in needs an x-dev-user header'));
    return Promise.resolve({ result: { user } });
  },
});

export const devAuthModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'platform-widgets-dev-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      init({ providers }) {
        providers.registerProvider({
          providerId: 'dev',
          factory: createProxyAuthProviderFactory({
            authenticator: devAuthenticator,
            signInResolver: ({ result }, ctx) => ctx.signInWithCatalogUser({ entityRef: { name: result.user } }),
          }),
        });
        return Promise.resolve();
      },
    });
  },
});
