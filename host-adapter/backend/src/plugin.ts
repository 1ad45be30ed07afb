import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformWidgetsPermissions } from '@platform-widgets/backstage-plugin-common';
import { ReadDecisionCache } from './authorize.js';
import { BoundedCache } from './bounded-cache.js';
import { readSettings } from './config.js';
import { SharedReads } from './reads.js';
import { createRouter } from './router.js';

/**
 * The Platform Widgets backend: `/api/platform-widgets/<endpoint key>/<tool path>`.
 * Forwards only the calls the widgets make, authorizes each with the permission framework,
 * and serves reads coalesced and cached, so the tools' load does not grow with viewers.
 */
export const platformWidgetsPlugin = createBackendPlugin({
  pluginId: 'platform-widgets',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      init({ config, logger, httpRouter, httpAuth, permissions, permissionsRegistry, cache, auditor, catalog }) {
        permissionsRegistry.addPermissions([...platformWidgetsPermissions]);
        const settings = readSettings(config);
        if (!settings.permissionsEnabled) {
          logger.warn('permission.enabled is not true: every widget action (sync, refresh, promote, logs) is refused; reads still work');
        }
        logger.info(`forwarding widget calls to ${settings.endpoints.size} endpoint(s): ${[...settings.endpoints.keys()].join(', ') || 'none'}`);
        const reads = new SharedReads(new BoundedCache(cache, settings.cacheTimeoutMs, logger), settings.staleMs);
        httpRouter.use(
          createRouter({
            settings,
            httpAuth,
            authorizer: { permissions, catalog, permissionsEnabled: settings.permissionsEnabled, readDecisions: new ReadDecisionCache(settings.readDecisionTtlMs) },
            reads,
            auditor,
            logger,
          }),
        );
        return Promise.resolve();
      },
    });
  },
});
