import { externalLink } from './ui/external-link.js';
import { html, nothing, type TemplateResult } from 'lit';
import { firstN, moreNote } from './ui/bounded.js';
import { statusPill } from './ui/status.js';

/** One occurrence of a problem, read from the tool's own fields. */
export interface Finding {
  /** What has the problem, e.g. `Deployment guestbook-ui` or `task build, step push`. */
  subject: string;
  /** What was seen, in the tool's words where it has some (a condition message, a reason). */
  seen: string;
  /** What to do for this occurrence when it is more precise than the rule's fix (a version, a figure). */
  fixDetail?: string;
  /** The tool's UI at the exact place (http(s) only; built with buildUrl). */
  link?: string;
}

/**
 * A known problem and its usual fix. Each widget keeps a table of these
 * (`<widget>.diagnosis.ts`): data first, one `find` per rule.
 */
export interface DiagnosisRule<I> {
  readonly id: string;
  /** The problem's name as the tool says it, e.g. `ComparisonError`. */
  readonly title: string;
  /** Why it usually happens. */
  readonly why: string;
  /** What to do. */
  readonly fix: string;
  /** `warn` for a problem that costs but does not break (default `error`). */
  readonly tone?: 'error' | 'warn';
  readonly find: (input: I) => readonly Finding[];
}

export interface Diagnosis extends Finding {
  rule: string;
  title: string;
  why: string;
  fix: string;
  tone: 'error' | 'warn';
}

/** Runs a rule table: the findings of each rule, in the table's order. */
export function diagnose<I>(rules: ReadonlyArray<DiagnosisRule<I>>, input: I): Diagnosis[] {
  return rules.flatMap((rule) =>
    rule.find(input).map((finding) => ({ ...finding, rule: rule.id, title: rule.title, why: rule.why, fix: rule.fix, tone: rule.tone ?? 'error' })),
  );
}

/** How many problems one card draws; the rest are counted. */
export const DIAGNOSIS_LIMIT = 10;

/**
 * The "Problems" region of a card: each problem as text (seen, why, fix) with a
 * link to the exact place in the tool. Nothing when there is no problem.
 */
export function renderDiagnoses(
  diagnoses: readonly Diagnosis[],
  options: { label: string; tool: string; locale?: string },
): TemplateResult | typeof nothing {
  if (!diagnoses.length) return nothing;
  const { shown, more } = firstN(diagnoses, DIAGNOSIS_LIMIT);
  return html`<section class="diagnoses" part="problems" aria-label=${`Problems of ${options.label} in ${options.tool}`}>
    <h3>Problems <span class="meta">(${diagnoses.length})</span></h3>
    <ul>
      ${shown.map((d) => html`<li data-problem=${d.rule}>
        <span class="diagnosis-head">${statusPill(d.tone, d.title)} <span class="diagnosis-subject">${d.subject}</span></span>
        <span><strong>Seen:</strong> ${d.seen}</span>
        <span class="diagnosis-why"><strong>Why:</strong> ${d.why}</span>
        <span><strong>Fix:</strong> ${d.fix}${d.fixDetail ? html` <span class="diagnosis-detail">${d.fixDetail}</span>` : nothing}</span>
        ${d.link
          ? externalLink(d.link, `Open ${d.subject} in ${options.tool}`)
          : nothing}
      </li>`)}
    </ul>
    ${moreNote(more, options.locale, `open ${options.tool} for the rest`)}
  </section>`;
}
