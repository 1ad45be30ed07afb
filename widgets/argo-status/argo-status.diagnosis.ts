import { buildUrl, type DiagnosisRule, type Finding } from '../kit/index.js';
import { resourceLink, type Application } from './argo-status.api.js';

export interface ArgoDiagnosisInput {
  app: Application;
  /** The Argo CD UI base (links are left out without it). */
  ui?: string;
  /** Set when the application lives outside Argo CD's own namespace (apps in any namespace). */
  appNamespace?: string;
}

function appPanel(input: ArgoDiagnosisInput, panel: 'conditions' | 'operation'): string | undefined {
  const { app, ui, appNamespace } = input;
  const segments = appNamespace ? ['applications', appNamespace, app.metadata.name] : ['applications', app.metadata.name];
  return buildUrl(ui, segments, { [panel]: 'true' });
}

function nodeLink(input: ArgoDiagnosisInput, r: { group?: string | null; kind?: string | null; namespace?: string | null; name?: string | null }, tab?: string) {
  const link = resourceLink(input.ui, { name: input.app.metadata.name, appNamespace: input.appNamespace }, {
    group: r.group, kind: r.kind ?? '', namespace: r.namespace, name: r.name ?? '',
  });
  return link && tab ? `${link}&tab=${encodeURIComponent(tab)}` : link;
}

const label = (r: { kind?: string | null; name?: string | null; namespace?: string | null }) =>
  `${r.kind ?? 'resource'} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? ''}`.trim();

/** Argo CD's problems and their usual fix, from `GET /api/v1/applications/{name}`. */
export const ARGO_RULES: ReadonlyArray<DiagnosisRule<ArgoDiagnosisInput>> = [
  {
    id: 'comparison-error',
    title: 'ComparisonError',
    why: 'Argo CD could not render or compare the manifests: a bad path or revision, a Helm/Kustomize error, a CRD missing in the cluster, or no access to the repository.',
    fix: 'Read the message, fix the source (path, values, revision) or the repository credentials, then refresh the application.',
    find: (input) =>
      (input.app.status?.conditions ?? [])
        .filter((c) => c.type === 'ComparisonError')
        .map((c): Finding => ({ subject: `application ${input.app.metadata.name}`, seen: c.message ?? 'ComparisonError', link: appPanel(input, 'conditions') })),
  },
  {
    id: 'sync-hook-failed',
    title: 'Sync failed on a hook',
    why: 'A PreSync/Sync/PostSync hook (usually a Job such as a database migration) exited with an error, so the sync stopped there.',
    fix: 'Open the hook’s logs, fix the job (image, command, credentials it needs), then sync again; a hook with `hook-delete-policy: BeforeHookCreation` is recreated on the next sync.',
    find: (input) => {
      const operation = input.app.status?.operationState;
      if (operation?.phase !== 'Failed' && operation?.phase !== 'Error') return [];
      return (operation.syncResult?.resources ?? [])
        .filter((r) => r.hookType && (r.hookPhase === 'Failed' || r.hookPhase === 'Error' || r.status === 'SyncFailed'))
        .map((r): Finding => ({
          subject: `${r.hookType} hook ${label(r)}`,
          seen: r.message || operation.message || `hook phase ${r.hookPhase ?? 'Failed'}`,
          link: nodeLink(input, r, 'logs') ?? appPanel(input, 'operation'),
        }));
    },
  },
  {
    id: 'out-of-sync-ignore-differences',
    title: 'OutOfSync despite ignoreDifferences',
    why: 'The application ignores some differences, yet a field outside them still differs: usually a controller or webhook changing a field the ignore rule does not cover (wrong JSON pointer, group or kind).',
    fix: 'Open the diff, find the field that differs, and cover it in ignoreDifferences (jqPathExpressions or managedFieldsManagers); add the sync option RespectIgnoreDifferences=true so a sync does not overwrite it.',
    find: (input) => {
      const rules = input.app.spec?.ignoreDifferences ?? [];
      if (!rules.length || input.app.status?.sync?.status !== 'OutOfSync') return [];
      const ignored = rules.map((r) => r.kind).filter(Boolean).join(', ');
      return (input.app.status.resources ?? [])
        .filter((r) => r.status === 'OutOfSync')
        .map((r): Finding => ({
          subject: label(r),
          seen: `OutOfSync while ${rules.length} ignoreDifferences rule${rules.length === 1 ? '' : 's'} apply${ignored ? ` (kinds: ${ignored})` : ''}`,
          link: nodeLink(input, r, 'diff'),
        }));
    },
  },
  {
    id: 'degraded-resource',
    title: 'Degraded',
    why: 'A resource the application deploys is not healthy by its kind’s own check: a rollout past its deadline, pods crashing, a job failing.',
    fix: 'Open the resource, read its events and, for workloads, the pods’ logs; fix the cause, or roll back to the last healthy revision.',
    find: (input) =>
      (input.app.status?.resources ?? [])
        .filter((r) => r.health?.status === 'Degraded')
        .map((r): Finding => ({ subject: label(r), seen: r.health?.message || 'health Degraded', link: nodeLink(input, r) })),
  },
];
