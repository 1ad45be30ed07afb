import { InfoCard, Progress } from '@backstage/core-components';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { createComponent } from '@lit/react';
import React, { useEffect, useState, type ComponentType } from 'react';
import type { HostEvent, PlatformHost } from '@platform-widgets/backstage-plugin-common';
import { SYSTEM_NAMES, linkSegments } from '@platform-widgets/backstage-plugin-common';
import { useActionAnalytics } from '../analytics';
import { uiBase } from '../config';
import { themeTokens, usePlatformHost, useSettings } from '../host';
import type { LoadResult } from '../loader';
import { toolUrl } from '../urls';
import { useWidgetLoader } from '../useWidgetLoader';
import { widgetSpec, type WidgetTag } from '../widgets';
import { BadgeFallback, DeepLinkFallback } from './DeepLinkFallback';

export interface PlatformWidgetProps {
  widget: WidgetTag;
  /** What the widget shows (`app-name`, `namespace` …); undefined values are left out. */
  attributes?: Readonly<Record<string, string | undefined>>;
  /** The entity whose permissions govern the widget's actions (`component:default/payments`). */
  entityRef?: string;
  /** Card title for the fallback (default: the tool's name). */
  title?: string;
  /** Render the widget inside an InfoCard titled `title` (the fallback is always a card). */
  card?: boolean;
  /** `badge`: the widget's one-line form (no card; the fallback is one line too). */
  variant?: 'badge';
  /** Telemetry/audit: the widget's states, errors and actions (never tokens). Default: actions to Backstage analytics. */
  onEvent?: (event: HostEvent) => void;
}

interface WidgetHostElement extends HTMLElement {
  host?: PlatformHost;
}

interface WrapperProps {
  host: PlatformHost;
}

const wrappers = new Map<string, ComponentType<WrapperProps>>();

const useStyles = makeStyles({
  // Inside an InfoCard the card is the frame: the widget drops its own border and padding.
  framed: { '& ::part(card)': { border: 'none', padding: 0, background: 'transparent' } },
});

/** A React component for a loaded tag; `host` is set as a JS property, never an attribute. */
function wrapperFor(tag: string): ComponentType<WrapperProps> {
  let wrapper = wrappers.get(tag);
  if (!wrapper) {
    const elementClass = customElements.get(tag) as unknown as new () => WidgetHostElement;
    wrapper = createComponent({ react: React, tagName: tag, elementClass }) as unknown as ComponentType<WrapperProps>;
    wrappers.set(tag, wrapper);
  }
  return wrapper;
}

/** Names React would treat as something other than a plain attribute, or that would replace `.host`. */
const RESERVED = new Set(['host', 'style', 'children', 'key', 'ref', 'class', 'classname']);
const ATTRIBUTE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Plain kebab-case attributes with a value; anything else (event handlers `on…` included) is left out. */
export function definedAttributes(attributes: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && ATTRIBUTE_NAME.test(entry[0]) && !RESERVED.has(entry[0]) && !entry[0].startsWith('on'),
    ),
  );
}

/**
 * One widget of the remote, loaded at run time, given the Backstage host (token,
 * permissions, endpoints, theme, locale). A remote that fails renders the deep link.
 */
export function PlatformWidget({ widget, attributes = {}, entityRef, title, card = false, variant, onEvent }: PlatformWidgetProps) {
  const spec = widgetSpec(widget);
  const loader = useWidgetLoader();
  const settings = useSettings();
  const baseHost = usePlatformHost(entityRef);
  const [loaded, setLoaded] = useState<LoadResult>();

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    loader.load(widget).then(
      (result) => live && setLoaded(result),
      () => live && setLoaded({ ok: false, reason: 'Widgets unavailable: the widget remote could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, [loader, widget]);

  const classes = useStyles();
  const tokens = themeTokens(useTheme());
  const actionAnalytics = useActionAnalytics();
  const handleEvent = onEvent ?? actionAnalytics;
  const host = React.useMemo(() => (baseHost ? { ...baseHost, onEvent: handleEvent } : undefined), [baseHost, handleEvent]);
  const values: Record<string, string> = { ...definedAttributes(attributes), ...(variant ? { variant } : {}) };

  if (loaded && !loaded.ok) {
    const toolName = SYSTEM_NAMES[spec.system];
    const href = toolUrl(uiBase(settings, spec.system, values['instance']), linkSegments(spec, values));
    if (variant === 'badge') return <BadgeFallback toolName={toolName} href={href} reason={loaded.reason} />;
    return <DeepLinkFallback title={title ?? spec.title} toolName={toolName} href={href} reason={loaded.reason} />;
  }
  if (variant === 'badge') {
    if (!loaded || !host) return <span role="status">Loading {SYSTEM_NAMES[spec.system]}…</span>;
    const Badge = wrapperFor(widget);
    return (
      <span style={tokens}>
        <Badge {...values} host={host} />
      </span>
    );
  }
  let content = <Progress />;
  if (loaded && host) {
    const Element = wrapperFor(widget);
    content = (
      <div className={card ? classes.framed : undefined} style={tokens}>
        <Element {...values} host={host} />
      </div>
    );
  }
  return card ? <InfoCard title={title ?? spec.title}>{content}</InfoCard> : content;
}
