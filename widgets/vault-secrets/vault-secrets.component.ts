import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  annotationsOf,
  kitStyles,
  type LoadContext,
  relativeTime,
  statusPill,
  themeStyles,
  WidgetElement,
} from '../kit/index.js';
import { LIST_LIMIT, LazyLoads, createLimiter, firstN, moreNote, styleProps } from '../kit/index.js';
import {
  DEFAULT_ENGINE,
  displayPath,
  folderLink,
  listKeys,
  readMetadata,
  secretFacts,
  secretLink,
  splitPath,
  unsafeSegment,
  type SecretMetadata,
  type VaultLocation,
} from './vault-secrets.api.js';
import { vaultSecretsStyles } from './vault-secrets.styles.js';
import type { BadgeSummary } from '../kit/index.js';
import { buildRows, secretRows, type FolderRow, type Row, type SecretRow } from './vault-secrets.tree.js';
import { vaultSecretsDescriptor } from './vault-secrets.descriptor.js';

const annotation = (attribute: string): string => annotationsOf(vaultSecretsDescriptor, attribute);

/** Metadata is read for this many visible secrets at first, and this many more per request. */
export const DETAIL_BATCH = 20;
/** At most this many metadata or folder requests run at once. */
export const DETAIL_CONCURRENCY = 4;
const CUSTOM_METADATA_SHOWN = 3;

function depthStyle(depth: number) {
  return styleProps({ '--depth': String(depth) });
}

/**
 * The secrets stored at a Vault KV v2 path: names, folders (expandable in place),
 * current version and last update per secret, with View/Edit links into Vault.
 * Reads metadata only: never a secret's value.
 *
 * @summary Vault KV v2 secrets (names and metadata, never values).
 * @attr secrets-path - Path below the mount, e.g. `team-a/payments`.
 * @attr secrets-engine - The KV v2 mount (default `secrets`).
 * @attr vault-namespace - Vault Enterprise namespace: sent as `X-Vault-Namespace`, added to links as `?namespace=`.
 * @csspart empty - The empty-state message.
 * @cssproperty --pw-list-height - Height of the scrolling secrets table (default 320px).
 */
export class VaultSecrets extends WidgetElement<string[]> {
  static override styles = [themeStyles, kitStyles, vaultSecretsStyles];

  @property({ attribute: 'secrets-path' }) secretsPath?: string;
  @property({ attribute: 'secrets-engine' }) secretsEngine?: string;
  @property({ attribute: 'vault-namespace' }) vaultNamespace?: string;

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private detailLimit = DETAIL_BATCH;

  protected readonly system = 'vault' as const;
  protected override readonly openLinkLabel = 'Open in Vault';
  protected override readonly skeletonLines = 6;

  private readonly limit = createLimiter(DETAIL_CONCURRENCY);
  private readonly folders = new LazyLoads<string[]>(this);
  private readonly details = new LazyLoads<SecretMetadata>(this);
  private rows: Row[] = [];
  /** Secrets whose metadata is read (the first `detailLimit` visible ones). */
  private detailed: ReadonlySet<string> = new Set();

  protected missingConfig(): string | undefined {
    const location = this.location;
    if (!location.path.length) {
      return `Set secrets-path (annotation ${annotation('secrets-path')}); the KV v2 mount is secrets-engine (annotation ${annotation('secrets-engine')}, default "${DEFAULT_ENGINE}").`;
    }
    if (!location.mount.length) return `secrets-engine (annotation ${annotation('secrets-engine')}) names no mount.`;
    if (unsafeSegment([...location.mount, ...location.path])) {
      return `secrets-path and secrets-engine (annotations ${annotation('secrets-path')}, ${annotation('secrets-engine')}) must not contain "." or ".." segments.`;
    }
    return undefined;
  }

  protected configKey(): string {
    const { mount, path, namespace } = this.location;
    return JSON.stringify([mount, path, namespace]);
  }

  protected resourceLabel(): string {
    return this.location.path.length ? displayPath(this.location) : '';
  }

  protected load({ host, signal, fresh }: LoadContext): Promise<string[]> {
    return listKeys({ host, signal, fresh, location: this.location });
  }

  protected isEmpty(keys: string[]): boolean {
    return keys.every((key) => !splitPath(key).length);
  }

  protected deepLink(): string | undefined {
    return folderLink(this.ui, this.location);
  }

  protected override renderSummary(): unknown {
    const secrets = this.rows.filter((row) => row.kind === 'secret' && row.depth === 0).length;
    const folders = this.rows.filter((row) => row.kind === 'folder' && row.depth === 0).length;
    return html`<span class="meta">${plural(secrets, 'secret')} · ${plural(folders, 'folder')}${
      this.location.namespace ? html` · namespace <code>${this.location.namespace}</code>` : nothing}</span>`;
  }

  protected override summarize(keys: string[]): BadgeSummary {
    const folders = keys.filter((key) => key.endsWith('/')).length;
    return { parts: [{ tone: 'info', text: `${plural(keys.length - folders, 'secret')} · ${plural(folders, 'folder')}` }] };
  }

  protected renderEmpty(): unknown {
    return html`<p class="notice" part="empty">No secrets at <code>${displayPath(this.location)}</code> (or the path does not exist).</p>
      ${this.openLink()}`;
  }

  protected renderReady(): unknown {
    const secrets = secretRows(this.rows);
    const label = `Secrets at ${displayPath(this.location)}`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${label}>
        <table>
          <thead><tr>
            <th scope="col">Name</th><th scope="col">Version</th><th scope="col">Updated</th>
            <th scope="col"><span class="visually-hidden">Links</span></th>
          </tr></thead>
          <tbody>${repeat(firstN(this.rows).shown, (row) => row.id, (row) => this.renderRow(row))}</tbody>
        </table>
      </div>
      ${moreNote(this.rows.length - LIST_LIMIT, this.locale, 'set secrets-path to a sub-folder to narrow')}
      <div class="row footer">
        ${secrets.length > this.detailLimit ? this.renderMoreDetails(secrets.length) : nothing}
        ${this.openLink()}
      </div>`;
  }

  // ---- Folders and metadata follow the listing ----------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The badge counts the listing: folders and metadata are the card's.
    if (this.compact) return;
    const config = `${this.instance ?? ''}|${this.configKey()}`;
    const listing = this.data;
    const reset = this.folders.track(config, listing);
    this.details.track(config, listing);
    if (reset) {
      this.expanded = new Set();
      this.detailLimit = DETAIL_BATCH;
    }
    if (!listing) {
      this.rows = [];
      this.detailed = new Set();
      return;
    }
    this.rows = buildRows(listing, {
      isExpanded: (id) => this.expanded.has(id),
      listing: (id) => this.folders.get(id),
    });
    for (const row of this.rows) if (row.kind === 'folder' && row.expanded) this.ensureFolder(row);
    const detailed = secretRows(this.rows).slice(0, this.detailLimit);
    this.detailed = new Set(detailed.map((row) => row.id));
    for (const row of detailed) this.ensureDetails(row);
  }

  private ensureFolder(folder: FolderRow): void {
    const host = this.effectiveHost;
    if (!host) return;
    this.folders.ensure(folder.id, (signal, fresh) =>
      this.limit(() => listKeys({ host, signal, fresh, location: this.location, folder: folder.segments })),
    );
  }

  private ensureDetails(secret: SecretRow): void {
    const host = this.effectiveHost;
    if (!host) return;
    this.details.ensure(secret.id, (signal, fresh) =>
      this.limit(() => readMetadata({ host, signal, fresh, location: this.location, secret: secret.segments })),
    );
  }

  private toggle(folder: FolderRow): void {
    const next = new Set(this.expanded);
    if (next.has(folder.id)) next.delete(folder.id);
    else next.add(folder.id);
    this.expanded = next;
  }

  private retryFolder(folder: FolderRow): void {
    this.folders.forget(folder.id);
  }

  // ---- Rendering ----------------------------------------------------------------------

  private get location(): VaultLocation {
    const engine = this.secretsEngine?.trim() ? this.secretsEngine : DEFAULT_ENGINE;
    return {
      instance: this.instance,
      namespace: this.vaultNamespace?.trim() || undefined,
      mount: splitPath(engine),
      path: splitPath(this.secretsPath),
    };
  }


  private renderRow(row: Row): TemplateResult {
    switch (row.kind) {
      case 'folder':
        return this.renderFolder(row);
      case 'folder-status':
        return this.renderFolderStatus(row.folder, row.status, row.depth);
      case 'secret':
        return this.renderSecret(row);
    }
  }

  private renderFolder(folder: FolderRow): TemplateResult {
    const href = folderLink(this.ui, this.location, folder.segments);
    return html`<tr class="folder">
      <td class="name" ${depthStyle(folder.depth)}>
        <button type="button" class="disclosure" aria-expanded=${folder.expanded ? 'true' : 'false'} @click=${() => this.toggle(folder)}>
          <span class="chevron" aria-hidden="true">${folder.expanded ? '▾' : '▸'}</span><span class="visually-hidden">Folder </span>${folder.name}
        </button>
      </td>
      <td colspan="2" class="muted">folder</td>
      <td class="links">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">Open<span class="visually-hidden"> ${folder.id} in Vault</span></a>` : nothing}</td>
    </tr>`;
  }

  private renderFolderStatus(folder: FolderRow, status: Extract<Row, { kind: 'folder-status' }>['status'], depth: number): TemplateResult {
    const content = status.state === 'loading'
      ? html`<span class="muted" role="status">Listing ${folder.name}…</span>`
      : status.state === 'empty'
        ? html`<span class="muted">No secrets in ${folder.name}</span>`
        : html`<span role="alert">${statusPill('warn', status.reason)} Could not list ${folder.name}</span>
            <button type="button" @click=${() => this.retryFolder(folder)}>Retry<span class="visually-hidden"> listing ${folder.id}</span></button>`;
    return html`<tr class="folder-status"><td colspan="4" ${depthStyle(depth)}>${content}</td></tr>`;
  }

  private renderSecret(secret: SecretRow): TemplateResult {
    const show = secretLink(this.ui, this.location, secret.segments, 'show');
    const edit = secretLink(this.ui, this.location, secret.segments, 'edit');
    return html`<tr>
      <td class="name" ${depthStyle(secret.depth)}><code>${secret.name}</code>${this.renderFacts(secret)}</td>
      ${this.renderDetails(secret)}
      <td class="links">
        ${show ? html`<a href=${show} target="_blank" rel="noopener noreferrer">View<span class="visually-hidden"> ${secret.id}</span></a>` : nothing}
        ${edit ? html`<a href=${edit} target="_blank" rel="noopener noreferrer">Edit<span class="visually-hidden"> ${secret.id}</span></a>` : nothing}
      </td>
    </tr>`;
  }

  /** Deletion state and custom metadata, under the name. */
  private renderFacts(secret: SecretRow): unknown {
    const outcome = this.details.get(secret.id);
    if (!outcome?.ok) return nothing;
    const facts = secretFacts(outcome.value);
    const custom = facts.custom.slice(0, CUSTOM_METADATA_SHOWN);
    const hidden = facts.custom.length - custom.length;
    return html`${facts.currentState === 'deleted' ? html` ${statusPill('warn', 'Current version deleted')}` : nothing}
      ${facts.currentState === 'destroyed' ? html` ${statusPill('error', 'Current version destroyed')}` : nothing}
      ${custom.length
        ? html`<span class="custom">${custom.map(([key, value]) => html`<span class="chip">${`${key}: ${value}`}</span>`)}${
          hidden > 0 ? html`<span class="meta">${`+${hidden} more`}</span>` : nothing}</span>`
        : nothing}`;
  }

  private renderDetails(secret: SecretRow): TemplateResult {
    const outcome = this.details.get(secret.id);
    if (!outcome) {
      return html`<td colspan="2" class="muted">${this.detailed.has(secret.id) ? 'loading…' : '–'}</td>`;
    }
    if (!outcome.ok) return html`<td colspan="2" class="muted">Details unavailable: ${outcome.reason}</td>`;
    const facts = secretFacts(outcome.value);
    // One text node per value: "v3", not "v" + "3" (what a person reads and what tests see).
    return html`<td>${facts.version ? `v${facts.version}` : html`<span class="muted">–</span>`}${
      facts.versionCount > 1 ? html` <span class="meta">${`(${plural(facts.versionCount, 'version')})`}</span>` : nothing}</td>
      <td>${relativeTime(facts.updated, this.locale)}</td>`;
  }

  private renderMoreDetails(total: number): TemplateResult {
    const next = Math.min(DETAIL_BATCH, total - this.detailLimit);
    return html`<span class="meta">Details for the first ${this.detailLimit} of ${total} secrets.</span>
      <button type="button" class="more" @click=${() => (this.detailLimit += DETAIL_BATCH)}>Load details for ${next} more</button>`;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
