/** YAML text of a parsed Kubernetes object (what `kubectl get -o yaml` would print, keys in their order). */
export function toYaml(value: unknown): string {
  return emit(value, 0).join('\n');
}

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./ :=+-]*$/;
const LOOKS_TYPED = /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Plain only when nothing in it could be read as YAML syntax or another type.
  return PLAIN.test(text) && !LOOKS_TYPED.test(text) && !/: |:$| #|\s$/.test(text) ? text : JSON.stringify(text);
}

function isBranch(value: unknown): value is object {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function emit(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (!value.length) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (!isBranch(item)) return [`${pad}- ${emptyOrScalar(item)}`];
      const [first = '', ...rest] = emit(item, indent + 2);
      return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    });
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (!entries.length) return [`${pad}{}`];
    return entries.flatMap(([key, child]) =>
      isBranch(child) ? [`${pad}${scalar(key)}:`, ...emit(child, Array.isArray(child) ? indent : indent + 2)] : [`${pad}${scalar(key)}: ${emptyOrScalar(child)}`],
    );
  }
  return [`${pad}${scalar(value)}`];
}

function emptyOrScalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/** Above this many line pairs the diff is not computed here (the page would stall). */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * A line diff from `before` to `after` (longest common subsequence), or undefined when the
 * two are too large to compare in the page.
 */
export function lineDiff(before: string, after: string): DiffLine[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_DIFF_CELLS) return undefined;
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      lines.push({ kind: 'added', text: b[j]! });
      j += 1;
    } else {
      lines.push({ kind: 'removed', text: a[i]! });
      i += 1;
    }
  }
  return lines;
}
