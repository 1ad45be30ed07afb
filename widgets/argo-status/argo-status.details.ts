import { html, nothing, type TemplateResult } from 'lit';
import { firstN, statusPill } from '../kit/index.js';
import { isHelm, shortRevision, sourcesOf, type Application } from './argo-status.api.js';

/** Argo CD's conditions of the application (errors and warnings), at most 50. */
export function appConditions(app: Application): unknown {
  const conditions = app.status?.conditions ?? [];
  if (!conditions.length) return nothing;
  return html`<ul class="conditions" aria-label="Conditions">
    ${firstN(conditions, 50).shown.map((c) => html`<li>${statusPill(/Error/.test(c.type ?? '') ? 'error' : 'warn', c.type ?? 'Condition')} ${c.message ?? ''}</li>`)}
  </ul>`;
}

/** Sources, target and synced revisions, destination, project and images. */
export function appDetails(app: Application): TemplateResult {
  const sources = sourcesOf(app);
  const synced = app.status?.sync?.revisions?.length ? app.status.sync.revisions : [app.status?.sync?.revision];
  const destination = app.spec?.destination;
  const images = app.status?.summary?.images ?? [];
  return html`<dl class="facts">
    ${sources.map((source, index) => html`
      <dt>${sources.length > 1 ? `Source ${index + 1}` : 'Source'}</dt>
      <dd>${isHelm(source)
        ? html`chart <code>${source.chart}</code> from <code>${source.repoURL ?? '–'}</code>`
        : html`<code>${source.repoURL ?? '–'}</code>${source.path ? html` · <code>${source.path}</code>` : nothing}`}</dd>
      <dt>Target</dt>
      <dd><code>${source.targetRevision || 'HEAD'}</code>
        ${synced[index] ? html`<span class="meta">synced at</span> <code title=${synced[index] ?? ''}>${shortRevision(synced[index])}</code>` : nothing}</dd>`)}
    ${destination ? html`<dt>Destination</dt><dd>${destination.name ?? destination.server ?? '–'} · ${destination.namespace ?? '–'}</dd>` : nothing}
    ${app.spec?.project ? html`<dt>Project</dt><dd>${app.spec.project}</dd>` : nothing}
    ${images.length ? html`<dt>Images</dt><dd><ul class="chips images">${firstN(images, 50).shown.map((image) => html`<li><code>${image}</code></li>`)}</ul></dd>` : nothing}
  </dl>`;
}
