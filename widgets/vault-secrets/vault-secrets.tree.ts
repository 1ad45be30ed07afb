import type { Section } from '../kit/index.js';
import { splitPath } from './vault-secrets.api.js';

/** A row of the secrets table: the listing flattened through the expanded folders. */
export type Row =
  | { kind: 'secret'; id: string; name: string; segments: string[]; depth: number }
  | { kind: 'folder'; id: string; name: string; segments: string[]; depth: number; expanded: boolean }
  | { kind: 'folder-status'; id: string; folder: FolderRow; depth: number; status: FolderStatus };

export type FolderRow = Extract<Row, { kind: 'folder' }>;
export type SecretRow = Extract<Row, { kind: 'secret' }>;
export type FolderStatus = { state: 'loading' } | { state: 'empty' } | { state: 'failed'; reason: string };

export interface TreeState {
  isExpanded: (folderId: string) => boolean;
  listing: (folderId: string) => Section<string[]> | undefined;
}

/** Folder ids end with `/` (as Vault's keys do), so folder `foo/` and secret `foo` never collide. */
function rowId(segments: readonly string[], folder: boolean): string {
  return `${segments.join('/')}${folder ? '/' : ''}`;
}

/** Rows in Vault's order, each expanded folder's content right below it. */
export function buildRows(keys: readonly string[], tree: TreeState): Row[] {
  const rows: Row[] = [];
  const walk = (level: readonly string[], parent: readonly string[], depth: number): void => {
    for (const key of level) {
      const own = splitPath(key);
      if (!own.length) continue;
      const segments = [...parent, ...own];
      if (!key.endsWith('/')) {
        rows.push({ kind: 'secret', id: rowId(segments, false), name: key, segments, depth });
        continue;
      }
      const id = rowId(segments, true);
      const folder: FolderRow = { kind: 'folder', id, name: key, segments, depth, expanded: tree.isExpanded(id) };
      rows.push(folder);
      if (!folder.expanded) continue;
      const listing = tree.listing(id);
      const status: FolderStatus | undefined = !listing
        ? { state: 'loading' }
        : !listing.ok
          ? { state: 'failed', reason: listing.reason }
          : listing.value.length === 0 ? { state: 'empty' } : undefined;
      if (status) rows.push({ kind: 'folder-status', id: `${id}#status`, folder, depth: depth + 1, status });
      else if (listing?.ok) walk(listing.value, segments, depth + 1);
    }
  };
  walk(keys, [], 0);
  return rows;
}

export function secretRows(rows: readonly Row[]): SecretRow[] {
  return rows.filter((row): row is SecretRow => row.kind === 'secret');
}
