import type { Entity } from '@backstage/catalog-model';
import { configApiRef, discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult, type EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import type { ReactNode } from 'react';
import { widgetLoaderApiRef, type WidgetLoader } from '../loader';

export const TOKEN = 'backstage-user-token-5f2c9a';
export const PROXY_ORIGIN = 'http://backstage.test';

export const appConfig = {
  platformWidgets: {
    remote: { url: 'https://widgets.example.com/mf-manifest.json' },
    refreshInterval: 60,
    systems: {
      argocd: {
        proxyPath: '/argocd',
        uiUrl: 'https://argocd.example.com',
        instances: { prod: { proxyPath: '/argocd-prod', uiUrl: 'https://argocd.prod.example.com' } },
      },
      kubernetes: { proxyPath: '/k8s', uiUrl: 'https://dashboard.example.com' },
    },
  },
};

export function entityWith(annotations: Record<string, string>, name = 'payments'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export interface RenderOptions {
  loader: WidgetLoader;
  entity?: Entity;
  authorize?: (request: EvaluatePermissionRequest) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Leave the permission API out of the app entirely. */
  withoutPermissionApi?: boolean;
}

/** Renders inside Backstage's test app with mocked core APIs and the given loader. */
export async function renderAdapter(children: ReactNode, options: RenderOptions) {
  const permission = mockApis.permission({ authorize: options.authorize ?? (() => AuthorizeResult.DENY) });
  const core = [
    [identityApiRef, mockApis.identity({ token: TOKEN, userEntityRef: 'user:default/ada' })],
    [discoveryApiRef, mockApis.discovery({ baseUrl: PROXY_ORIGIN })],
    [configApiRef, mockApis.config({ data: appConfig })],
    [widgetLoaderApiRef, options.loader],
  ] as const;
  const content = options.entity ? <EntityProvider entity={options.entity}>{children}</EntityProvider> : children;
  const tree = options.withoutPermissionApi ? (
    <TestApiProvider apis={core}>{content}</TestApiProvider>
  ) : (
    <TestApiProvider apis={[...core, [permissionApiRef, permission]] as const}>{content}</TestApiProvider>
  );
  const view = await renderInTestApp(tree);
  return { ...view, permission };
}
