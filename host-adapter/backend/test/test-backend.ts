import { coreServices, createServiceFactory, type CacheService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult, isResourcePermission } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import platformWidgetsPlugin from '../src/index.js';

export const SERVER_TOKEN = 'server-credential-7d21';

const component = (name: string, owner: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

/** guestbook is alice's, payments is bob's; each names its own Argo CD app, Kargo project and namespace. */
export const ENTITIES: Entity[] = [
  component('guestbook', 'user:default/alice', {
    'argocd/app-name': 'guestbook',
    'platform-widgets.io/kargo-project': 'storefront',
    'backstage.io/kubernetes-namespace': 'team-checkout',
  }),
  component('payments', 'user:default/bob', { 'argocd/app-name': 'payments', 'platform-widgets.io/kargo-project': 'payments' }),
];

/** Every audit event the plugin recorded: what it said at creation and how it ended. */
export const auditEvents: Array<{ eventId: string; meta: unknown; outcome?: 'success' | 'fail'; end?: unknown }> = [];

const recordingAuditor = createServiceFactory({
  service: coreServices.auditor,
  deps: {},
  factory: () => ({
    createEvent(options) {
      const event: (typeof auditEvents)[number] = { eventId: options.eventId, meta: options.meta };
      auditEvents.push(event);
      return Promise.resolve({
        success: (done) => {
          Object.assign(event, { outcome: 'success', end: done?.meta });
          return Promise.resolve();
        },
        fail: (done) => {
          Object.assign(event, { outcome: 'fail', end: { ...done.meta, error: done.error.message } });
          return Promise.resolve();
        },
      });
    },
  }),
});

/** How many decisions the stand-in policy was asked for (reads are reused briefly per user). */
export const decisionsAsked = { count: 0 };

const OWNERS: Record<string, string> = { 'component:default/guestbook': 'user:default/alice', 'component:default/payments': 'user:default/bob' };

/**
 * A permission policy in the shape a real one decides: reads for every user but `mallory`,
 * actions for the entity's owner only. The real permission framework is exercised by the
 * dev backend's end-to-end test; here the plugin's use of it is.
 */
const ownerPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    authorize(requests, options) {
      const principal = options.credentials.principal as { type: string; userEntityRef?: string };
      const user = principal.type === 'user' ? principal.userEntityRef : undefined;
      decisionsAsked.count += requests.length;
      return Promise.resolve(requests.map((request) => {
        if (!isResourcePermission(request.permission)) return { result: user && user !== 'user:default/mallory' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
        const ref = 'resourceRef' in request ? request.resourceRef : undefined;
        return { result: ref && user && OWNERS[ref] === user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
      }));
    },
    authorizeConditional(requests) {
      return Promise.resolve(requests.map(() => ({ result: AuthorizeResult.DENY })));
    },
  }),
});

export interface StartOptions {
  toolUrl: string;
  permissionEnabled?: boolean;
  extraConfig?: JsonObject;
  cache?: CacheService;
}

export async function startBackend(options: StartOptions) {
  const features = [
    platformWidgetsPlugin,
    mockServices.rootConfig.factory({
      data: {
        permission: { enabled: options.permissionEnabled ?? true },
        platformWidgets: {
          endpoints: {
            argocd: { target: options.toolUrl, ui: 'https://argocd.example.com', headers: { Authorization: `Bearer ${SERVER_TOKEN}` } },
            kargo: { target: options.toolUrl },
            kubernetes: { target: options.toolUrl },
            harbor: { target: options.toolUrl },
            vault: { target: options.toolUrl },
          },
          cache: { ttlSeconds: 30, timeoutMs: 100 },
          upstreamTimeoutMs: 2000,
        },
        ...options.extraConfig,
      },
    }),
    mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
    catalogServiceMock.factory({ entities: ENTITIES }),
    ownerPolicy,
    recordingAuditor,
    ...(options.cache ? [createServiceFactory({ service: coreServices.cache, deps: {}, factory: () => options.cache! })] : []),
  ];
  const backend = await startTestBackend({ features });
  const base = `http://127.0.0.1:${backend.server.port()}/api/platform-widgets`;
  return { base, stop: () => backend.stop() };
}

export const asUser = (name: string, entity?: string): Record<string, string> => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
  ...(entity ? { 'X-Platform-Widgets-Entity': entity } : {}),
});
