import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_LIMIT, diagnose, renderDiagnoses, type DiagnosisRule } from './diagnosis.js';

interface Input {
  items: ReadonlyArray<{ name: string; bad: boolean; costly?: boolean }>;
}

const RULES: ReadonlyArray<DiagnosisRule<Input>> = [
  {
    id: 'broken', title: 'Broken', why: 'It usually breaks.', fix: 'Mend it.',
    find: (input) => input.items.filter((i) => i.bad).map((i) => ({ subject: i.name, seen: `${i.name} is broken`, link: `https://tool.example.com/${i.name}` })),
  },
  {
    id: 'costly', title: 'Costly', tone: 'warn', why: 'Paid, not used.', fix: 'Trim it.',
    find: (input) => input.items.filter((i) => i.costly).map((i) => ({ subject: i.name, seen: 'too big', fixDetail: 'to 10m' })),
  },
];

function draw(input: Input): HTMLElement {
  const host = document.createElement('div');
  render(html`${renderDiagnoses(diagnose(RULES, input), { label: 'svc', tool: 'Tool' })}`, host);
  return host;
}

describe('kit diagnosis', () => {
  it('runs the rule table in order; each finding carries its rule’s why, fix and tone', () => {
    const found = diagnose(RULES, { items: [{ name: 'a', bad: true, costly: true }, { name: 'b', bad: true }] });
    expect(found.map((d) => [d.rule, d.subject, d.tone])).toEqual([['broken', 'a', 'error'], ['broken', 'b', 'error'], ['costly', 'a', 'warn']]);
    expect(found[2]).toMatchObject({ why: 'Paid, not used.', fix: 'Trim it.', fixDetail: 'to 10m' });
  });

  it('draws nothing without a problem', () => {
    expect(draw({ items: [{ name: 'a', bad: false }] }).querySelector('section')).toBeNull();
  });

  it('a region named after the resource; seen, why and fix as text; the link opens the exact place in a new tab', () => {
    const host = draw({ items: [{ name: 'a', bad: true }] });
    const region = host.querySelector('section.diagnoses');
    expect(region?.getAttribute('aria-label')).toBe('Problems of svc in Tool');
    const text = (region?.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Seen: a is broken');
    expect(text).toContain('Why: It usually breaks.');
    expect(text).toContain('Fix: Mend it.');
    const link = region?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://tool.example.com/a');
    expect(link?.target).toBe('_blank');
    expect(link?.textContent).toContain('Open a in Tool');
  });

  it('tool text stays text, and past the limit the rest is counted', () => {
    const items = Array.from({ length: DIAGNOSIS_LIMIT + 3 }, (_, i) => ({ name: `<img src=x onerror=alert(${i})>`, bad: true }));
    const host = draw({ items });
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelectorAll('li')).toHaveLength(DIAGNOSIS_LIMIT);
    expect(host.textContent).toContain('3 more');
  });
});
