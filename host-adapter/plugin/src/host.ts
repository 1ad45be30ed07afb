import {
  configApiRef,
  discoveryApiRef,
  identityApiRef,
  useApi,
  useApiHolder,
} from '@backstage/core-plugin-api';
import { appLanguageApiRef } from '@backstage/core-plugin-api/alpha';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { useTheme } from '@material-ui/core/styles';
import { useEffect, useMemo, useState } from 'react';
import { ENTITY_HEADER, type Endpoint, type PlatformHost, type Theme } from '@platform-widgets/backstage-plugin-common';
import { buildEndpoints, readSettings, type PlatformWidgetsSettings } from './config';
import { decideAction } from './decide';

/** The backend plugin's id, for `discoveryApi.getBaseUrl`. */
export const BACKEND_PLUGIN_ID = 'platform-widgets';

/**
 * The widgets' fetch: requests to the backend plugin name the entity the card is on, which
 * the backend authorizes actions against. Nothing is added to any other URL.
 */
export function entityFetch(backendBase: string | undefined, entityRef: string | undefined): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!backendBase || !entityRef || !url.startsWith(`${backendBase.replace(/\/+$/, '')}/`)) return globalThis.fetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set(ENTITY_HEADER, entityRef);
    return globalThis.fetch(input, { ...init, headers });
  };
}

/** The app's settings (config.d.ts), read once per config instance. */
export function useSettings(): PlatformWidgetsSettings {
  const configApi = useApi(configApiRef);
  return useMemo(() => readSettings(configApi), [configApi]);
}

interface ThemeLike {
  palette?: {
    type?: string;
    mode?: string;
    background?: { paper?: string; default?: string };
    text?: { primary?: string; secondary?: string };
    divider?: string;
    primary?: { main?: string };
  };
  typography?: { fontFamily?: string };
}

/** The Backstage theme as the widgets' `--pw-*` tokens (they inherit through shadow roots). */
export function themeTokens(theme: ThemeLike): Record<string, string> {
  const palette = theme.palette ?? {};
  const tokens: Record<string, string | undefined> = {
    '--pw-bg': palette.background?.paper,
    '--pw-surface': palette.background?.default,
    '--pw-fg': palette.text?.primary,
    '--pw-muted': palette.text?.secondary,
    '--pw-border': palette.divider,
    '--pw-accent': palette.primary?.main,
    '--pw-focus': palette.primary?.main,
    '--pw-font': theme.typography?.fontFamily,
  };
  return Object.fromEntries(Object.entries(tokens).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Light or dark from the Backstage theme (MUI v4 `palette.type`, v5 `palette.mode`). */
export function themeMode(theme: ThemeLike): Theme {
  return (theme.palette?.mode ?? theme.palette?.type) === 'dark' ? 'dark' : 'light';
}

/**
 * The host contract handed to every widget on the page: proxy endpoints, the signed-in
 * user's Backstage token (fetched per request, never stored in the DOM), permission
 * decisions for the given entity, theme and locale. Undefined until the proxy base is known.
 */
export function usePlatformHost(entityRef: string | undefined): PlatformHost | undefined {
  const settings = useSettings();
  const discoveryApi = useApi(discoveryApiRef);
  const identityApi = useApi(identityApiRef);
  const apis = useApiHolder();
  const permissionApi = apis.get(permissionApiRef);
  const language = apis.get(appLanguageApiRef)?.getLanguage().language;
  const theme = themeMode(useTheme<ThemeLike>());
  const [bases, setBases] = useState<{ endpoints: Record<string, Endpoint>; backendBase: string | undefined }>();

  useEffect(() => {
    let live = true;
    const backend = settings.backendEndpoints.size > 0 ? discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID) : Promise.resolve(undefined);
    Promise.all([discoveryApi.getBaseUrl('proxy'), backend]).then(
      ([proxyBase, backendBase]) => live && setBases({ endpoints: buildEndpoints(settings, proxyBase, backendBase), backendBase }),
      () => live && setBases({ endpoints: {}, backendBase: undefined }),
    );
    return () => {
      live = false;
    };
  }, [discoveryApi, settings]);

  return useMemo(() => {
    if (!bases) return undefined;
    const { endpoints, backendBase } = bases;
    const host: PlatformHost = {
      endpoints,
      fetch: entityFetch(backendBase, entityRef),
      token: async () => (await identityApi.getCredentials()).token,
      decide: (action) => decideAction(permissionApi, action, entityRef),
      theme,
      locale: language ?? globalThis.navigator?.language,
    };
    return host;
  }, [bases, identityApi, permissionApi, entityRef, theme, language]);
}
