/** Just over 5 MB of JSON: the "5 MB answer" of the fault matrix. */
export const LARGE_ANSWER_BYTES = 5 * 1024 * 1024 + 64 * 1024;

/** Builds `build(count)` with a growing count until its JSON is at least `minBytes` long. */
export function atLeastBytes(build: (count: number) => unknown, minBytes = LARGE_ANSWER_BYTES): unknown {
  for (let count = 1_000; ; count *= 2) {
    const body = build(count);
    if (JSON.stringify(body).length >= minBytes) return body;
  }
}

/** `count` items made by `make(index)`. */
export function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}
