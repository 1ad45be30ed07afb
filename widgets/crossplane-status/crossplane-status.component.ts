import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  attributeHint,
  type Condition,
  conditionStatus,
  externalLink,
  findCondition,
  firstN,
  kitStyles,
  type LoadContext,
  moreNote,
  statusPill,
  themeStyles,
  WidgetElement,
} from '../kit/index.js';
import { createLimiter, diagnose, renderDiagnoses } from '../kit/index.js';
import { CROSSPLANE_RULES } from './crossplane-status.diagnosis.js';
import { compositionName, resourceLink, type ObjectTarget } from './crossplane-status.api.js';
import { conditionCellTone, conditionsOf, extraConditions, STATUS_TONES } from './crossplane-status.status.js';
import { crossplaneStatusStyles } from './crossplane-status.styles.js';
import type { BadgePart, BadgeSummary } from '../kit/index.js';
import { CHILD_CONCURRENCY, DiscoveryCache, flatten, loadTree, rollUp, type CrossplaneTree, type TreeNode } from './crossplane-status.tree.js';
import { crossplaneStatusDescriptor } from './crossplane-status.descriptor.js';

export const DEFAULT_CLUSTER = 'main';

const ROLE_LABELS = { claim: 'Claim', composite: 'Composite', managed: 'Managed' } as const;

/** Condition types beyond Ready and Synced shown per row (a resource can carry any number). */
const EXTRA_CONDITIONS = 20;

/**
 * Crossplane claim or composite resource (XR) with everything it composed:
 * the tree claim → XR → managed resources, each with Ready, Synced, a derived
 * status (Ready, Syncing, Error, Paused), the condition's reason and message,
 * and a link to the resource in the Kubernetes dashboard (Headlamp routes).
 * A child that cannot be read degrades only its own row.
 *
 * Attributes are generic Kubernetes coordinates. Backstage hosts map them from
 * TeraSky's annotations: for a claim `terasky.backstage.io/claim-group`,
 * `claim-version`, `claim-plural`, `claim-name`, `claim-namespace`; for a
 * composite `terasky.backstage.io/composite-group`, `composite-version`,
 * `composite-plural`, `composite-name` (and `namespace` for Crossplane v2
 * namespaced XRs).
 *
 * @summary Crossplane claim → XR → managed resources with Ready/Synced status.
 * @attr group - API group of the claim or XR, e.g. `database.example.org`.
 * @attr version - API version, e.g. `v1alpha1`.
 * @attr plural - Resource plural, e.g. `postgresqlinstances`.
 * @attr name - Object name.
 * @attr namespace - Namespace, for claims and Crossplane v2 namespaced XRs only.
 * @attr cluster - Cluster name in the dashboard's deep links (default `main`).
 * @csspart resources - The resource tree table.
 * @event pw-error - Loading the root object failed: `{ system, kind, status?, reason }`.
 * @cssproperty --pw-list-height - Height of the scrolling resource table (default 320px).
 */
export class CrossplaneStatus extends WidgetElement<CrossplaneTree> {
  static override styles = [themeStyles, kitStyles, crossplaneStatusStyles];

  @property() group?: string;
  @property() version?: string;
  @property() plural?: string;
  @property() name?: string;
  @property() namespace?: string;
  @property() cluster?: string;

  protected readonly system = 'crossplane' as const;
  protected override readonly skeletonLines = 6;
  private readonly discovery = new DiscoveryCache();

  protected missingConfig(): string | undefined {
    const missing = (['group', 'version', 'plural', 'name'] as const).filter((attribute) => !this[attribute]?.trim());
    if (!missing.length) return undefined;
    const named = missing.map((attribute) => attributeHint(crossplaneStatusDescriptor, attribute)).join('; ');
    return `Set ${named}. Add ${attributeHint(crossplaneStatusDescriptor, 'namespace')} for a claim.`;
  }

  protected configKey(): string {
    return JSON.stringify([this.group, this.version, this.plural, this.name, this.namespace]);
  }

  protected resourceLabel(): string {
    if (!this.name) return '';
    return this.namespace ? `${this.namespace}/${this.name}` : this.name;
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<CrossplaneTree> {
    return loadTree({
      host,
      instance: this.instance,
      signal,
      fresh,
      limit: createLimiter(CHILD_CONCURRENCY),
      discovery: this.discovery,
      target: this.rootTarget(),
    });
  }

  protected isEmpty(tree: CrossplaneTree): boolean {
    return tree.root.children.length === 0;
  }

  protected deepLink(): string | undefined {
    return resourceLink(this.ui, this.clusterName, this.rootTarget());
  }

  protected override renderSummary(tree: CrossplaneTree): unknown {
    const counts = rollUp(tree);
    const derived = tree.root.derived;
    return html`${derived ? statusPill(STATUS_TONES[derived.status], derived.status, this.causeText(tree.root)) : nothing}
      <span class="meta rollup">${`${counts.ready}/${counts.total} ready`}</span>
      ${counts.errors ? statusPill('error', `${counts.errors} ${counts.errors === 1 ? 'error' : 'errors'}`) : nothing}
      ${counts.unreadable ? statusPill('warn', `${counts.unreadable} unreadable`) : nothing}`;
  }

  protected override summarize(tree: CrossplaneTree): BadgeSummary {
    const counts = rollUp(tree);
    const derived = tree.root.derived;
    const parts: BadgePart[] = derived ? [{ tone: STATUS_TONES[derived.status], text: derived.status, title: this.causeText(tree.root) }] : [{ tone: 'unknown', text: 'no status yet' }];
    parts.push({ text: `${counts.ready}/${counts.total} ready` });
    if (counts.errors) parts.push({ tone: 'error', text: `${counts.errors} ${counts.errors === 1 ? 'error' : 'errors'}` });
    if (counts.unreadable) parts.push({ tone: 'warn', text: `${counts.unreadable} unreadable` });
    return { parts };
  }

  protected renderEmpty(tree: CrossplaneTree): unknown {
    const message = tree.root.role === 'claim'
      ? 'Crossplane has not created a composite resource for this claim yet.'
      : 'This composite resource has no composed resources yet.';
    return html`<div class="stack">
      ${this.renderProblems(tree)}
      <p class="notice" part="empty">${message}</p>
      ${this.renderFacts(tree)} ${this.renderTable(tree)}
    </div>`;
  }

  protected renderReady(tree: CrossplaneTree): unknown {
    return html`<div class="stack">${this.renderProblems(tree)} ${this.renderFacts(tree)} ${this.renderTable(tree)}</div>`;
  }

  private renderProblems(tree: CrossplaneTree): unknown {
    const objects = flatten(tree.root).flatMap((node) =>
      node.object ? [{ object: node.object, role: node.role, link: node.target ? resourceLink(this.ui, this.clusterName, node.target) : undefined }] : []);
    return renderDiagnoses(diagnose(CROSSPLANE_RULES, { objects, now: Date.now() }), { label: this.resourceLabel(), tool: this.linkToolName(), locale: this.locale });
  }


  private get clusterName(): string {
    return this.cluster?.trim() || DEFAULT_CLUSTER;
  }

  private rootTarget(): ObjectTarget {
    return {
      group: this.group?.trim() ?? '',
      version: this.version?.trim() ?? '',
      plural: this.plural?.trim() ?? '',
      name: this.name?.trim() ?? '',
      namespace: this.namespace?.trim() || undefined,
    };
  }

  private link(target: ObjectTarget | undefined, label: string): TemplateResult | string {
    const href = target ? resourceLink(this.ui, this.clusterName, target) : undefined;
    return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label;
  }

  private causeText(node: TreeNode): string | undefined {
    const cause = node.derived?.cause;
    if (!cause) return node.derived?.note;
    return [cause.type, cause.reason, cause.message].filter(Boolean).join(': ');
  }

  private renderFacts(tree: CrossplaneTree): TemplateResult {
    const root = tree.root;
    const composition = tree.root.object ? compositionName(tree.root.object) : undefined;
    const composite = root.role === 'claim' ? root.children[0] : undefined;
    const compositeComposition = composite?.object ? compositionName(composite.object) : undefined;
    const managed = flatten(root).filter((node) => node.role === 'managed').length;
    const href = this.deepLink();
    return html`<dl class="facts">
      <dt>Kind</dt><dd>${root.kind} <span class="meta">(${ROLE_LABELS[root.role].toLowerCase()}, ${root.apiVersion})</span></dd>
      ${composition ?? compositeComposition ? html`<dt>Composition</dt><dd><code>${composition ?? compositeComposition}</code></dd>` : nothing}
      <dt>Managed resources</dt><dd>${managed}</dd>
      ${href
        ? html`<dt>Dashboard</dt><dd>${externalLink(href, `Open ${root.kind} ${root.name}`)}</dd>`
        : nothing}
    </dl>`;
  }

  private renderTable(tree: CrossplaneTree): TemplateResult {
    const all = flatten(tree.root);
    const { shown: rows, more } = firstN(all);
    return html`<h3 id="tree-title">Resources <span class="meta">${all.length}</span></h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${`Resources of ${this.resourceLabel()}`}>
        <table part="resources">
          <thead><tr><th scope="col">Resource</th><th scope="col">Ready</th><th scope="col">Synced</th><th scope="col">Status</th></tr></thead>
          ${repeat(rows, (node) => `${node.depth}/${node.apiVersion}/${node.kind}/${node.target?.namespace ?? ''}/${node.name}`, (node) => this.renderNode(node))}
        </table>
      </div>
      ${moreNote(more, this.locale, 'open the tool to see them all')}`;
  }

  private renderNode(node: TreeNode): TemplateResult {
    const conditions = node.object ? conditionsOf(node.object) : [];
    const details = this.renderDetails(node);
    return html`<tbody class="node" data-kind=${node.kind} data-name=${node.name}>
      <tr class=${details ? 'has-detail' : 'plain'}>
        <td class=${`resource depth-${Math.min(node.depth, 4)}`}>
          <span class="role">${ROLE_LABELS[node.role]}</span>
          <span class="kind">${node.kind}</span>
          ${this.link(node.target, node.name)}
        </td>
        <td>${node.object ? this.conditionCell(findCondition(conditions, 'Ready')) : html`<span class="muted">–</span>`}</td>
        <td>${node.object ? this.conditionCell(findCondition(conditions, 'Synced')) : html`<span class="muted">–</span>`}</td>
        <td class="derived">${node.derived
          ? statusPill(STATUS_TONES[node.derived.status], node.derived.status, this.causeText(node))
          : statusPill('warn', 'Unreadable', node.problem)}</td>
      </tr>
      ${details ? html`<tr class="detail"><td colspan="4" class=${`depth-${Math.min(node.depth, 4)}`}>${details}</td></tr>` : nothing}
    </tbody>`;
  }

  private conditionCell(condition: Condition | undefined): TemplateResult {
    if (!condition) return html`<span class="muted">–</span>`;
    const status = conditionStatus(condition) ?? 'Unknown';
    return html`${statusPill(conditionCellTone(condition), status, condition.message ?? condition.reason ?? status)}
      ${condition.reason ? html`<span class="reason cell-reason">${condition.reason}</span>` : nothing}`;
  }

  /** Problem, messages (only False conditions carry one) and the extra condition types. */
  private renderDetails(node: TreeNode): TemplateResult | undefined {
    if (node.problem) return html`<p class="problem">${node.problem}</p>`;
    if (!node.object) return undefined;
    const withMessage = conditionsOf(node.object).filter((c) => (c.type === 'Ready' || c.type === 'Synced') && c.message);
    const extras = firstN(extraConditions(node.object), EXTRA_CONDITIONS).shown;
    const note = node.derived?.note;
    if (!withMessage.length && !extras.length && !note) return undefined;
    return html`<ul class="details">
      ${note ? html`<li class="muted">${note}</li>` : nothing}
      ${withMessage.map((c) => html`<li><strong>${c.type}</strong> <span class="reason">${c.reason ?? ''}</span>: <span class="message">${c.message}</span></li>`)}
      ${extras.map((c) => html`<li class="extra"><strong>${c.type}</strong> ${conditionStatus(c) ?? 'Unknown'}${c.reason ? html` · <span class="reason">${c.reason}</span>` : nothing}${c.message ? html`: <span class="message">${c.message}</span>` : nothing}</li>`)}
    </ul>`;
  }
}
