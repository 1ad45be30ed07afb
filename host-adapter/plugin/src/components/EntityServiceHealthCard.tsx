import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { createComponent } from '@lit/react';
import React, { useEffect, useMemo, useState, type ComponentType } from 'react';
import { SYSTEM_NAMES, linkSegments, type PlatformHost } from '@platform-widgets/backstage-plugin-common';
import { useActionAnalytics } from '../analytics';
import { attributesFromAnnotations, hasRequiredAnnotations } from '../annotations';
import { integrates, uiBase, type PlatformWidgetsSettings } from '../config';
import { themeTokens, usePlatformHost, useSettings } from '../host';
import type { LoadResult } from '../loader';
import { toolUrl } from '../urls';
import { useWidgetLoader } from '../useWidgetLoader';
import { HEALTH_WIDGETS, SERVICE_HEALTH_TAG, widgetSpec, type WidgetTag } from '../widgets';
import { cardAnchor } from './EntityPlatformWidgetCard';

interface ToolConfig {
  tag: WidgetTag;
  attributes: Record<string, string>;
  card: string;
}

/** The tools the entity's annotations configure and the app integrates, as badges or roll-up lines. */
export function configuredTools(entity: Entity, settings: PlatformWidgetsSettings): WidgetTag[] {
  return HEALTH_WIDGETS.filter((tag) => hasRequiredAnnotations(widgetSpec(tag), entity) && integrates(settings, widgetSpec(tag).system));
}

/** The entity's configured tools, with the attributes their cards get and where those cards are. */
export function serviceTools(entity: Entity, settings: PlatformWidgetsSettings): ToolConfig[] {
  const defaults: Record<string, string> = settings.refreshInterval === undefined ? {} : { 'refresh-interval': String(settings.refreshInterval) };
  return configuredTools(entity, settings).map((tag) => ({
    tag,
    attributes: attributesFromAnnotations(widgetSpec(tag), entity, defaults).attributes,
    // Absolute: a page's <base> must not turn the fragment into another page.
    card: new URL(`#${cardAnchor(tag)}`, globalThis.location.href).href,
  }));
}

interface RollupElement extends HTMLElement {
  host?: PlatformHost;
}

let Rollup: ComponentType<{ host: PlatformHost; tools: string; service: string; 'refresh-interval'?: string }> | undefined;

const useStyles = makeStyles({
  framed: { '& ::part(card)': { border: 'none', padding: 0, background: 'transparent' } },
});

/**
 * The whole service in one card, first on an entity's Overview: `<service-health>` over the
 * tools the entity's annotations configure, worst first. It loads the roll-up and each tool's
 * widget from the remote; its requests are the cards' (the kit shares them page-wide).
 */
export function EntityServiceHealthCard({ title = 'Service health' }: { title?: string }) {
  const { entity } = useEntity();
  const settings = useSettings();
  const loader = useWidgetLoader();
  const entityRef = stringifyEntityRef(entity);
  const baseHost = usePlatformHost(entityRef);
  const onEvent = useActionAnalytics();
  const host = useMemo(() => (baseHost ? { ...baseHost, onEvent } : undefined), [baseHost, onEvent]);
  const tools = useMemo(() => serviceTools(entity, settings), [entity, settings]);
  const tags = tools.map((tool) => tool.tag).join(',');
  const [loaded, setLoaded] = useState<LoadResult>();
  const classes = useStyles();
  const tokens = themeTokens(useTheme());

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    const wanted = [SERVICE_HEALTH_TAG, ...(tags ? tags.split(',') : [])];
    Promise.all(wanted.map((tag) => loader.load(tag))).then(
      ([rollup]) => live && setLoaded(rollup ?? { ok: false, reason: 'Widgets unavailable.' }),
      () => live && setLoaded({ ok: false, reason: 'Widgets unavailable: the widget remote could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, [loader, tags]);

  if (!tools.length) {
    return (
      <InfoCard title={title}>
        <Typography variant="body2">No platform tool is configured for this entity (see the Platform Widgets annotations).</Typography>
      </InfoCard>
    );
  }
  if (loaded && !loaded.ok) {
    return (
      <InfoCard title={title}>
        <div role="status" data-testid="platform-widget-fallback">
          <Typography variant="body2" paragraph>
            {loaded.reason}
          </Typography>
          <ul>
            {tools.map((tool) => {
              const spec = widgetSpec(tool.tag);
              const href = toolUrl(uiBase(settings, spec.system, tool.attributes['instance']), linkSegments(spec, tool.attributes));
              return <li key={tool.tag}>{href ? <Link to={href} target="_blank" rel="noopener noreferrer">Open in {SYSTEM_NAMES[spec.system]}</Link> : SYSTEM_NAMES[spec.system]}</li>;
            })}
          </ul>
        </div>
      </InfoCard>
    );
  }
  let content = <Progress />;
  if (loaded && host) {
    Rollup ??= createComponent({
      react: React,
      tagName: SERVICE_HEALTH_TAG,
      elementClass: customElements.get(SERVICE_HEALTH_TAG) as unknown as new () => RollupElement,
    }) as unknown as typeof Rollup;
    const Element = Rollup!;
    content = (
      <div className={classes.framed} style={tokens}>
        <Element host={host} tools={JSON.stringify(tools)} service={entity.metadata.title ?? entity.metadata.name} />
      </div>
    );
  }
  return <InfoCard title={title}>{content}</InfoCard>;
}
