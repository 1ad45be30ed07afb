// `@platform-widgets/elements`: the host contract for pages without Backstage. Importing this
// module defines no element; import a widget's own module (`@platform-widgets/elements/argo-status.js`)
// or `@platform-widgets/elements/pw-host.js` for that.
export {
  configure,
  configuredHost,
  resolveEndpoint,
  endpointKey,
  SYSTEMS,
  type PlatformHost,
  type Endpoint,
  type SystemId,
  type Decision,
  type Theme,
  type HostEvent,
} from '@platform-widgets/widgets/kit/host.js';
export { PwHost } from '@platform-widgets/widgets/kit/pw-host.js';
export type { PwEventMap, PwStateDetail, PwSummaryDetail, PwElementsNeededDetail, PwErrorDetail, PwActionDetail, WidgetState } from '@platform-widgets/widgets/kit/events.js';
export { WIDGET_TAGS, type WidgetTag } from './tags.js';
