import { css, html, unsafeCSS, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { VirtualListController, firstN, moreNote, relativeTime, statusPill, styleProps } from '../kit/index.js';
import { appLink, type AppSummary } from './argo-status.api.js';
import { healthPill, syncPill } from './argo-status.pills.js';

/** Height of one application row in px: the list is virtualised, so every row has this height. */
const ROW_HEIGHT = 34;

export const appListStyles = css`
  .app-list th {
    position: sticky;
    top: 0;
    background: var(--_bg);
  }
  .app-list tr {
    height: ${unsafeCSS(ROW_HEIGHT)}px;
    white-space: nowrap;
  }
`;

export interface AppListContext {
  ui(): string | undefined;
  /** Set when the widget asks for apps in any namespace: links then name the app's namespace. */
  appNamespace(): string | undefined;
  selector(): string;
  locale(): string | undefined;
}

const appKey = (app: AppSummary) => `${app.metadata.namespace ?? ''}/${app.metadata.name}`;

/**
 * `<argo-status app-selector>`: the applications matching a label selector, with sync,
 * health and last sync each. The first LIST_LIMIT are listed ("N more" below), and of
 * those only the rows in view are in the DOM; the table announces every listed row
 * (`aria-rowcount`, `aria-rowindex`).
 */
export class AppList {
  private readonly rows: VirtualListController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly context: AppListContext,
  ) {
    this.rows = new VirtualListController(host, {
      rowHeight: ROW_HEIGHT,
      region: () => host.shadowRoot?.querySelector<HTMLElement>('.app-list'),
    });
  }

  summary(apps: readonly AppSummary[]): TemplateResult {
    let outOfSync = 0;
    let unhealthy = 0;
    for (const app of apps) {
      if (app.status?.sync?.status !== 'Synced') outOfSync += 1;
      if (app.status?.health?.status !== 'Healthy') unhealthy += 1;
    }
    return html`<span class="meta">${apps.length} apps</span>
      ${outOfSync ? statusPill('warn', `${outOfSync} not synced`) : statusPill('ok', 'All synced')}
      ${unhealthy ? statusPill('error', `${unhealthy} not healthy`) : statusPill('ok', 'All healthy')}`;
  }

  render(apps: readonly AppSummary[]): TemplateResult {
    const { shown, more } = firstN(apps);
    const { first, last } = this.rows.range(shown.length);
    const locale = this.context.locale();
    return html`<div class="scroll app-list" tabindex="0" role="region" aria-label=${`Applications matching ${this.context.selector()}`}
      @scroll=${this.rows.onScroll} @keydown=${this.rows.onKeyDown}>
      <table aria-rowcount=${shown.length + 1}
        ${styleProps({ 'margin-top': `${first * ROW_HEIGHT}px`, 'margin-bottom': `${(shown.length - last) * ROW_HEIGHT}px` })}>
        <thead><tr aria-rowindex="1"><th scope="col">Application</th><th scope="col">Sync</th><th scope="col">Health</th><th scope="col">Last sync</th></tr></thead>
        <tbody>${repeat(shown.slice(first, last), appKey, (app, i) => this.renderRow(app, first + i + 2, locale))}</tbody>
      </table>
    </div>${moreNote(more, locale, 'narrow the selector')}`;
  }

  private renderRow(app: AppSummary, rowIndex: number, locale: string | undefined): TemplateResult {
    const href = appLink(this.context.ui(), app.metadata.name, this.context.appNamespace() ? app.metadata.namespace : undefined);
    const status = app.status;
    return html`<tr aria-rowindex=${rowIndex} data-app=${app.metadata.name}>
      <td>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${app.metadata.name}</a>` : app.metadata.name}</td>
      <td>${syncPill(status?.sync?.status)}</td>
      <td>${healthPill(status?.health?.status, status?.health?.message)}</td>
      <td>${relativeTime(status?.operationState?.finishedAt, locale)}</td>
    </tr>`;
  }
}
