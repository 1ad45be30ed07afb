import { createContext } from '@lit/context';
import { endpointKey, type Endpoint, type PlatformHost, type SystemId } from '@platform-widgets/backstage-plugin-common/contract';

export {
  SYSTEMS,
  SYSTEM_NAMES,
  endpointKey,
  type SystemId,
  type Endpoint,
  type Decision,
  type Theme,
  type HostEvent,
  type PlatformHost,
  FRAME_CHECK_QUERY,
  FRAMING_HEADERS,
  describeWidget,
  type WidgetDescriptor,
} from '@platform-widgets/backstage-plugin-common/contract';

/** Shared across separately built bundles because the key is a registered symbol. */
export const hostContext = createContext<PlatformHost | undefined>(Symbol.for('platform-widgets.host'));

export function resolveEndpoint(
  host: PlatformHost | undefined,
  system: SystemId,
  instance?: string | null,
): Endpoint | undefined {
  return host?.endpoints[endpointKey(system, instance)];
}

const CONFIGURED = Symbol.for('platform-widgets.configured-host');
export const HOST_CONFIGURED_EVENT = 'pw-host-configured';

type GlobalWithHost = typeof globalThis & { [CONFIGURED]?: PlatformHost };

/**
 * Configures every widget on a plain page that is not inside a `<pw-host>`.
 * Widgets already on the page pick the new host up at once; `undefined` unsets it.
 */
export function configure(host: PlatformHost | undefined): void {
  (globalThis as GlobalWithHost)[CONFIGURED] = host;
  globalThis.dispatchEvent?.(new Event(HOST_CONFIGURED_EVENT));
}

export function configuredHost(): PlatformHost | undefined {
  return (globalThis as GlobalWithHost)[CONFIGURED];
}
