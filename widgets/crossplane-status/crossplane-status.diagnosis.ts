import { conditionStatus, findCondition, type Condition, type DiagnosisRule, type Finding } from '../kit/index.js';
import type { CrossplaneObject, NodeRole } from './crossplane-status.api.js';

export interface CrossplaneDiagnosisObject {
  object: CrossplaneObject;
  role?: NodeRole;
  /** The object in the dashboard. */
  link?: string;
}

export interface CrossplaneDiagnosisInput {
  objects: readonly CrossplaneDiagnosisObject[];
  /** Epoch ms; how long an object has gone without status. */
  now: number;
}

/** A managed resource with no status this long after creation was never picked up by a provider. */
export const UNRECONCILED_AFTER_MS = 10 * 60_000;

const COMPOSITION_MISSING = /composition/i;
const COMPOSITION_NOT_FOUND = /not found|no compatible|cannot (select|resolve|get)/i;
const CONNECT = /^connect failed|providerconfig|cannot get terraform setup|credentials/i;
const REPLACE = /refuse to update .*requires replacing|cannot change the value of the argument|field is immutable/i;

const subject = ({ object }: CrossplaneDiagnosisObject) =>
  `${object.kind ?? 'object'} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;

/** Synced=False with reason ReconcileError: Crossplane's message starts with the step that failed. */
function reconcileErrors(input: CrossplaneDiagnosisInput, match: (message: string) => boolean): Finding[] {
  return input.objects.flatMap((entry) => {
    const synced = findCondition(entry.object.status?.conditions ?? [], 'Synced');
    if (conditionStatus(synced) !== 'False' || synced?.reason !== 'ReconcileError') return [];
    const message = synced.message ?? '';
    return match(message) ? [{ subject: subject(entry), seen: `Synced=False ReconcileError: ${message || '(no message)'}`, link: entry.link }] : [];
  });
}

const isComposition = (m: string) => COMPOSITION_MISSING.test(m) && COMPOSITION_NOT_FOUND.test(m);
const step = (prefix: string) => (m: string) => m.startsWith(`${prefix} failed`) && !CONNECT.test(m) && !REPLACE.test(m);
const KNOWN = [isComposition, (m: string) => CONNECT.test(m), (m: string) => REPLACE.test(m), step('observe'), step('create'), step('update'), step('delete')];

function falseCondition(object: CrossplaneObject, type: string): Condition | undefined {
  const found = findCondition(object.status?.conditions ?? [], type);
  return conditionStatus(found) === 'False' ? found : undefined;
}

/** Crossplane's problems and their usual fix, from the claim, composite and managed resources' conditions. */
export const CROSSPLANE_RULES: ReadonlyArray<DiagnosisRule<CrossplaneDiagnosisInput>> = [
  {
    id: 'composition-not-found',
    title: 'Composition not found',
    why: 'The claim or composite names a Composition (compositionRef or compositionSelector) that does not exist for its kind, or none matches the selector’s labels.',
    fix: 'Install the Composition (usually part of a Configuration package), or fix compositionRef/compositionSelector to one that exists for this composite type.',
    find: (input) => reconcileErrors(input, isComposition),
  },
  {
    id: 'reconcile-connect',
    title: 'ReconcileError: cannot connect',
    why: 'The provider cannot talk to the cloud API: the ProviderConfig is missing, or its credentials Secret is missing, wrong or expired.',
    fix: 'Check the ProviderConfig named in spec.providerConfigRef and the Secret it points to; renew the credentials.',
    find: (input) => reconcileErrors(input, (m) => CONNECT.test(m)),
  },
  {
    id: 'reconcile-replace',
    title: 'ReconcileError: change needs replacement',
    why: 'The desired state changes a field the cloud cannot change in place (region, location, engine …); the provider refuses to delete and recreate the resource.',
    fix: 'Revert the field, or create a new resource and migrate; Crossplane will not replace it for you.',
    find: (input) => reconcileErrors(input, (m) => REPLACE.test(m)),
  },
  {
    id: 'reconcile-observe',
    title: 'ReconcileError: observe failed',
    why: 'The provider cannot read the external resource: it was changed or deleted outside Crossplane, or the external name points at something else.',
    fix: 'Compare the external resource with the crossplane.io/external-name annotation; fix or import it, then let the provider reconcile.',
    find: (input) => reconcileErrors(input, step('observe')),
  },
  {
    id: 'reconcile-create',
    title: 'ReconcileError: create failed',
    why: 'The cloud API rejected the creation: a name or record already in use, a quota, or an invalid parameter.',
    fix: 'Read the cloud’s error in the message and change spec.forProvider (or free the conflicting name); the provider retries by itself.',
    find: (input) => reconcileErrors(input, step('create')),
  },
  {
    id: 'reconcile-update',
    title: 'ReconcileError: update failed',
    why: 'The cloud API rejected the change: a missing or invalid field, or a permission the provider’s credentials lack.',
    fix: 'Fix the field named in the message in spec.forProvider (or the composition that sets it); the provider retries by itself.',
    find: (input) => reconcileErrors(input, step('update')),
  },
  {
    id: 'reconcile-delete',
    title: 'ReconcileError: delete failed',
    why: 'The cloud refused the deletion: something still depends on the resource, or deletion protection is on.',
    fix: 'Remove what depends on it or turn deletion protection off; as a last resort set deletionPolicy: Orphan.',
    find: (input) => reconcileErrors(input, step('delete')),
  },
  {
    id: 'reconcile-error',
    title: 'ReconcileError',
    why: 'Crossplane or the provider could not reconcile the object.',
    fix: 'Read the message and the object’s events; fix what it names.',
    find: (input) => reconcileErrors(input, (m) => !KNOWN.some((known) => known(m))),
  },
  {
    id: 'provider-unhealthy',
    title: 'Provider not healthy',
    why: 'The provider package is installed but its controller does not run: a crash, a failed package revision or a missing dependency.',
    fix: 'Look at the provider’s ProviderRevision and its pod in crossplane-system; fix or upgrade the package.',
    find: (input) =>
      input.objects
        .filter((entry) => entry.object.kind === 'Provider' && (entry.object.apiVersion ?? '').startsWith('pkg.crossplane.io/'))
        .flatMap((entry): Finding[] => {
          const bad = falseCondition(entry.object, 'Healthy') ?? falseCondition(entry.object, 'Installed');
          return bad ? [{ subject: subject(entry), seen: `${bad.type}=False${bad.reason ? ` ${bad.reason}` : ''}${bad.message ? `: ${bad.message}` : ''}`, link: entry.link }] : [];
        }),
  },
  {
    id: 'not-reconciled',
    title: 'Never reconciled',
    why: 'No controller has written a status: the provider serving this kind is missing, not healthy, or not watching it.',
    fix: 'Check that the provider for this API group is installed and Healthy (kubectl get providers).',
    find: (input) =>
      input.objects
        .filter((entry) => entry.role === 'managed' && !entry.object.status?.conditions?.length)
        .flatMap((entry): Finding[] => {
          const created = Date.parse(entry.object.metadata.creationTimestamp ?? '');
          if (!Number.isFinite(created) || input.now - created < UNRECONCILED_AFTER_MS) return [];
          return [{ subject: subject(entry), seen: 'no status conditions since it was created', link: entry.link }];
        }),
  },
  {
    id: 'reconcile-paused',
    title: 'ReconcilePaused',
    tone: 'warn',
    why: 'The object carries crossplane.io/paused: "true": Crossplane does not act on it, so changes do not reach the cloud.',
    fix: 'Remove the crossplane.io/paused annotation when the pause is over.',
    find: (input) =>
      input.objects.flatMap((entry): Finding[] => {
        const synced = falseCondition(entry.object, 'Synced');
        return synced?.reason === 'ReconcilePaused' ? [{ subject: subject(entry), seen: 'Synced=False ReconcilePaused', link: entry.link }] : [];
      }),
  },
];
