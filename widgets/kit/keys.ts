/** A table's keys, typed and in the table's order: the list and its table are written once. */
export const keysOf = <K extends string>(table: Readonly<Record<K, unknown>>): readonly K[] => Object.keys(table) as K[];
