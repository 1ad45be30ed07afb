import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { conditionTone, diagnose, relativeTime, renderDiagnoses, statusPill, type Section } from '../kit/index.js';
import { deploymentLink, podLink } from './k8s-pods.api.js';
import { K8S_RULES } from './k8s-pods.diagnosis.js';
import type { DeploymentView } from './k8s-pods.deployments.js';
import type { EventView } from './k8s-pods.events.js';
import type { Problem } from './k8s-pods.problems.js';

/** What the sections around the pod list need of the widget. */
export interface SectionContext {
  /** The workload's label (selector or kubernetes-id), for the sections' names. */
  label: string;
  ui: string | undefined;
  cluster: string;
  namespace: string;
  locale: string | undefined;
  /** The UI the links open (a Kubernetes dashboard). */
  tool: string;
}

/** Why a section that failed on its own is missing. */
export function sectionNote<T>(title: string, result: Section<T>): unknown {
  return result.ok ? nothing : html`<p class="section-note" role="note"><strong>${title}:</strong> unavailable (${result.reason}).</p>`;
}

/** The problems found: what was seen, why it usually happens, the fix, and the dashboard page. */
export function problemsSection(problems: readonly Problem[], context: SectionContext): unknown {
  const link = (subject: string) =>
    subject.startsWith('deployment ')
      ? deploymentLink(context.ui, context.cluster, context.namespace, subject.slice('deployment '.length))
      : podLink(context.ui, context.cluster, context.namespace, subject);
  return renderDiagnoses(diagnose(K8S_RULES, { problems, link }), { label: context.label, tool: context.tool, locale: context.locale });
}

/** The deployments behind the pods: status, replicas and conditions. */
export function deploymentsSection(result: Section<DeploymentView[]>, context: SectionContext): unknown {
  if (!result.ok) return sectionNote('Deployments', result);
  if (!result.value.length) return nothing;
  return html`<section aria-label=${`Deployments of ${context.label}`}>
    <h3 id="deployments-title">Deployments</h3>
    <div class="wide" tabindex="0" role="region" aria-label=${`Deployments table of ${context.label}`}><table class="deployments">
      <thead>
        <tr><th scope="col">Deployment</th><th scope="col">Status</th><th scope="col">Desired</th><th scope="col">Ready</th><th scope="col">Available</th><th scope="col">Updated</th></tr>
      </thead>
      <tbody>
        ${result.value.map((d) => {
          const href = deploymentLink(context.ui, context.cluster, context.namespace, d.name);
          return html`<tr data-deployment=${d.name}>
            <td>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${d.name}</a>` : d.name}
              <span class="conditions">${d.conditions.map((c) => statusPill(conditionTone(c), `${c.type}${c.reason ? `: ${c.reason}` : ''}`, c.message ?? undefined))}</span>
            </td>
            <td>${statusPill(d.tone, d.label)}</td>
            <td>${d.desired}</td><td>${d.ready}</td><td>${d.available}</td><td>${d.updated}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>
  </section>`;
}

/** Recent events, warnings first. */
export function eventsSection(result: Section<EventView[]>, context: SectionContext): unknown {
  if (!result.ok) return sectionNote('Events', result);
  return html`<section aria-label=${`Events of ${context.label}`}>
    <h3 id="events-title">Recent events</h3>
    ${result.value.length
      ? html`<ul class="events">
          ${repeat(result.value, (e) => e.key, (e) => html`<li data-event=${e.reason}>
            ${statusPill(e.warning ? 'warn' : 'info', e.warning ? 'Warning' : 'Normal')}
            <strong>${e.reason}</strong> <code>${e.object}</code>${e.count > 1 ? html` <span class="meta">×${e.count}</span>` : nothing}
            <span class="meta">${e.at === undefined ? '' : relativeTime(e.at, context.locale)}</span>
            <span class="message">${e.message}</span>
          </li>`)}
        </ul>`
      : html`<p class="muted">No recent events.</p>`}
  </section>`;
}
