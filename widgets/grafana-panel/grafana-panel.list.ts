import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { firstN, moreNote } from '../kit/index.js';
import { dashboardLink, type SearchHit } from './grafana-panel.api.js';
import type { GrafanaData } from './grafana-panel.component.js';

export interface ListContext {
  tags: readonly string[];
  ui: string | undefined;
  from?: string;
  to?: string;
  locale?: string;
}

export function tagList(tags: readonly string[]): TemplateResult {
  return html`${tags.map((tag, index) => html`${index ? ', ' : ''}<code>${tag}</code>`)}`;
}

/** The dashboards the selector's tags find, or why the list is missing beside a panel. */
export function dashboardList(data: GrafanaData, context: ListContext): TemplateResult {
  if (data.searchProblem) return html`<p class="meta">Dashboard list unavailable: ${data.searchProblem}.</p>`;
  const { shown: dashboards, more } = firstN(data.dashboards ?? []);
  return html`<h3>Dashboards tagged ${tagList(context.tags)}</h3>
    ${dashboards.length
      ? html`<ul class="dashboards" part="dashboards">
          ${repeat(dashboards, (hit) => hit.uid, (hit) => dashboardHit(hit, context))}
        </ul>${moreNote(more, context.locale, 'use more specific tags')}`
      : html`<p class="muted">None.</p>`}`;
}

function dashboardHit(hit: SearchHit, context: ListContext): TemplateResult {
  const href = dashboardLink(context.ui, hit.uid, { from: context.from, to: context.to });
  return html`<li data-uid=${hit.uid}>
    ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${hit.title}</a>` : html`<span>${hit.title}</span>`}
    ${hit.folderTitle ? html`<span class="meta">in ${hit.folderTitle}</span>` : nothing}
    ${hit.tags?.length ? html`<span class="tags">${hit.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</span>` : nothing}
  </li>`;
}
