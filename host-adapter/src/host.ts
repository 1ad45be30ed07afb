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
import type { Endpoint, PlatformHost, Theme } from '../../widgets/kit/host.js';
import { buildEndpoints, readSettings, type PlatformWidgetsSettings } from './config.js';
import { decideAction } from './decide.js';

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
  const [endpoints, setEndpoints] = useState<Record<string, Endpoint>>();

  useEffect(() => {
    let live = true;
    discoveryApi.getBaseUrl('proxy').then(
      (proxyBase) => live && setEndpoints(buildEndpoints(settings, proxyBase)),
      () => live && setEndpoints({}),
    );
    return () => {
      live = false;
    };
  }, [discoveryApi, settings]);

  return useMemo(() => {
    if (!endpoints) return undefined;
    const host: PlatformHost = {
      endpoints,
      token: async () => (await identityApi.getCredentials()).token,
      decide: (action) => decideAction(permissionApi, action, entityRef),
      theme,
      locale: language ?? globalThis.navigator?.language,
    };
    return host;
  }, [endpoints, identityApi, permissionApi, entityRef, theme, language]);
}
