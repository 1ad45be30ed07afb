import { useApiHolder } from '@backstage/core-plugin-api';
import { createRemoteLoader, widgetLoaderApiRef, type WidgetLoader } from './loader';
import { useSettings } from './host';
import type { PlatformWidgetsSettings } from './config';

const loaders = new Map<string, WidgetLoader>();

/** One loader (one federation instance) per remote URL, for apps that did not install the plugin's API. */
export function loaderForSettings(settings: PlatformWidgetsSettings): WidgetLoader {
  const key = `${settings.remoteUrl ?? ''}|${settings.remoteTimeoutMs}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = createRemoteLoader({ remoteUrl: settings.remoteUrl, timeoutMs: settings.remoteTimeoutMs });
    loaders.set(key, loader);
  }
  return loader;
}

/** The app's widget loader API, else one built from config. */
export function useWidgetLoader(): WidgetLoader {
  const settings = useSettings();
  return useApiHolder().get(widgetLoaderApiRef) ?? loaderForSettings(settings);
}
