import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { firstN, moreNote, relativeTime, type PlatformHost } from '../kit/index.js';
import {
  getRevisionMetadata,
  historyLink,
  historyNewestFirst,
  isHelm,
  shortRevision,
  type AppQuery,
  type Application,
  type HistoryEntry,
  type RevisionMetadata,
} from './argo-status.api.js';

const HISTORY_WITH_COMMITS = 5;
/** Argo CD keeps 10 history entries by default; a larger revisionHistoryLimit is cut here. */
const HISTORY_LIMIT = 25;

export interface HistoryContext {
  host(): PlatformHost | undefined;
  /** The application shown, once loaded (the one-app mode only). */
  app(): Application | undefined;
  query(): AppQuery;
  ui(): string | undefined;
  appNamespace(): string | undefined;
  locale(): string | undefined;
}

interface CommitTarget {
  revision: string;
  sourceIndex?: number;
  versionId?: number | string;
}

function commitTargets(app: Application): CommitTarget[] {
  return historyNewestFirst(app)
    .slice(0, HISTORY_WITH_COMMITS)
    .flatMap((entry) => {
      const sources = entry.sources?.length ? entry.sources : [entry.source];
      const multi = Boolean(entry.sources?.length);
      const gitIndex = sources.findIndex((source) => !isHelm(source));
      const revision = multi ? entry.revisions?.[gitIndex] : entry.revision;
      if (gitIndex < 0 || !revision) return [];
      return [multi ? { revision, sourceIndex: gitIndex, versionId: entry.id ?? undefined } : { revision }];
    });
}

/** The deployment history of one application, with the commit behind each of the newest entries. */
export class AppHistory {
  private readonly commitCache = new Map<string, RevisionMetadata | null>();
  private readonly commits: Task<readonly [PlatformHost | undefined, string], Map<string, RevisionMetadata | null>>;

  constructor(
    host: ReactiveControllerHost,
    private readonly context: HistoryContext,
  ) {
    this.commits = new Task(host, {
      task: async ([platform, key], { signal }) => {
        const app = this.context.app();
        if (!platform || !app || !key) return new Map<string, RevisionMetadata | null>();
        await Promise.all(
          commitTargets(app).map(async ({ revision, sourceIndex, versionId }) => {
            const cacheKey = `${app.metadata.name}@${revision}`;
            if (this.commitCache.has(cacheKey)) return;
            try {
              const meta = await getRevisionMetadata({ host: platform, signal, query: this.context.query(), revision, sourceIndex, versionId });
              this.commitCache.set(cacheKey, meta);
            } catch (error) {
              if (signal.aborted) throw error;
              this.commitCache.set(cacheKey, null);
            }
          }),
        );
        return this.commitCache;
      },
      args: () => [this.context.host(), this.commitKey()] as const,
    });
  }

  abort(): void {
    this.commits.abort();
  }

  render(app: Application): unknown {
    const all = historyNewestFirst(app);
    if (!all.length) return nothing;
    const { shown: history, more } = firstN(all, HISTORY_LIMIT);
    const link = historyLink(this.context.ui(), app.metadata.name, this.context.appNamespace());
    return html`<h3 id="history-title">History ${link ? html`<a class="meta" href=${link} target="_blank" rel="noopener noreferrer">all in Argo CD</a>` : nothing}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${`History of ${app.metadata.name}`}>
        <table>
          <thead><tr><th scope="col">Revision</th><th scope="col">Deployed</th><th scope="col">By</th><th scope="col">Commit</th></tr></thead>
          <tbody>${history.map((entry, index) => this.renderEntry(app, entry, index))}</tbody>
        </table>
      </div>
      ${moreNote(more, this.context.locale(), 'older entries are in Argo CD')}`;
  }

  private renderEntry(app: Application, entry: HistoryEntry, index: number): TemplateResult {
    const revisions = entry.revisions?.length ? entry.revisions : [entry.revision];
    const sources = entry.sources?.length ? entry.sources : [entry.source];
    const by = entry.initiatedBy?.automated ? 'automated' : (entry.initiatedBy?.username ?? '–');
    return html`<tr>
      <td>${revisions.map((revision, i) => html`<code title=${revision ?? ''}>${shortRevision(revision)}</code>${i < revisions.length - 1 ? ', ' : ''}`)}</td>
      <td>${relativeTime(entry.deployedAt, this.context.locale())}</td>
      <td>${by}</td>
      <td>${this.renderCommit(app, sources, revisions, index)}</td>
    </tr>`;
  }

  private renderCommit(
    app: Application,
    sources: ReadonlyArray<{ chart?: string | null } | null | undefined>,
    revisions: ReadonlyArray<string | null | undefined>,
    index: number,
  ): TemplateResult {
    const gitIndex = sources.findIndex((source) => !isHelm(source));
    if (gitIndex < 0) {
      const chart = sources[0]?.chart;
      return html`<span class="muted">Helm chart ${chart ?? ''} ${revisions[0] ?? ''}</span>`;
    }
    if (index >= HISTORY_WITH_COMMITS) return html`<span class="muted">–</span>`;
    const revision = revisions[gitIndex];
    const cached = revision ? this.commitCache.get(`${app.metadata.name}@${revision}`) : null;
    if (cached === undefined) {
      return this.commits.status === TaskStatus.PENDING ? html`<span class="muted">loading…</span>` : html`<span class="muted">–</span>`;
    }
    if (cached === null) return html`<span class="muted">commit details unavailable</span>`;
    const author = (cached.author ?? '').replace(/\s*<[^>]*>\s*$/, '');
    return html`<span class="commit" title=${`${cached.author ?? ''}: ${cached.message ?? ''}`}>${author}: ${cached.message ?? ''}</span>`;
  }

  private commitKey(): string {
    const app = this.context.app();
    return app ? commitTargets(app).map((t) => t.revision).join(',') : '';
  }
}
