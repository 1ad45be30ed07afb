import * as z from 'zod/mini';
import { apiCall, apiRequest, buildUrl, listSchema, objectMetaSchema, optionalList as list, optionalText as text, type PlatformHost } from '../kit/index.js';

const marks = z.optional(z.nullable(z.record(z.string(), z.unknown())));

const origin = z.object({ kind: text, name: text });
const image = z.object({ repoURL: text, tag: text, digest: text });
const commit = z.object({ repoURL: text, id: text, tag: text, branch: text, message: text });
const chart = z.object({ repoURL: text, name: text, version: text });

/** A piece of freight as a stage or promotion refers to it. */
const freightReference = z.object({
  name: text,
  id: text,
  origin: z.optional(z.nullable(origin)),
  images: list(image),
  commits: list(commit),
  charts: list(chart),
});

/** Which step a promotion stopped at: `stepExecutionMetadata[i]` belongs to `spec.steps[i]`. */
const stepExecution = z.object({ alias: text, status: text, message: text });

const promotionPhase = z.object({
  phase: text,
  message: text,
  finishedAt: text,
  currentStep: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  stepExecutionMetadata: list(stepExecution),
});

/** Only the status: the shape of Kargo's own documentation example. */
export const stageStatusSchema = z.object({
  status: z.optional(
    z.nullable(
      z.object({
        // Kargo ≥ 1.0
        freightHistory: list(
          z.object({ id: text, items: z.optional(z.nullable(z.record(z.string(), freightReference))) }),
        ),
        health: z.optional(z.nullable(z.object({ status: text, issues: list(z.string()) }))),
        lastPromotion: z.optional(
          z.nullable(
            z.object({
              name: text,
              finishedAt: text,
              freight: z.optional(z.nullable(freightReference)),
              status: z.optional(z.nullable(promotionPhase)),
            }),
          ),
        ),
        message: text,
        // Before 1.0
        phase: text,
        currentFreight: z.optional(z.nullable(freightReference)),
        history: list(freightReference),
      }),
    ),
  ),
});

const stageSpec = z.object({
  requestedFreight: list(
    z.object({
      origin: z.optional(z.nullable(origin)),
      sources: z.optional(
        z.nullable(z.object({ direct: z.optional(z.nullable(z.boolean())), stages: list(z.string()) })),
      ),
    }),
  ),
  // Before 1.0
  subscriptions: z.optional(
    z.nullable(z.object({ warehouse: text, upstreamStages: list(z.object({ name: text })) })),
  ),
});

export const stageSchema = z.extend(stageStatusSchema, {
  metadata: objectMetaSchema,
  spec: z.optional(z.nullable(stageSpec)),
});

export const freightSchema = z.object({
  metadata: objectMetaSchema,
  alias: text,
  warehouse: text,
  origin: z.optional(z.nullable(origin)),
  images: list(image),
  commits: list(commit),
  charts: list(chart),
  status: z.optional(z.nullable(z.object({ verifiedIn: marks, approvedFor: marks }))),
});

export const promotionSchema = z.object({
  metadata: z.optional(z.nullable(objectMetaSchema)),
  spec: z.optional(z.nullable(z.object({ stage: text, freight: text, steps: list(z.object({ uses: text, as: text })) }))),
  status: z.optional(z.nullable(promotionPhase)),
});

export type Stage = z.infer<typeof stageSchema>;
export type Freight = z.infer<typeof freightSchema>;
export type FreightReference = z.infer<typeof freightReference>;
export type Promotion = z.infer<typeof promotionSchema>;

const connectStages = z.object({ stages: list(stageSchema) });
const connectFreight = z.object({
  groups: z.optional(z.nullable(z.record(z.string(), z.object({ freight: list(freightSchema) })))),
});
const connectPromotions = z.object({ promotions: list(promotionSchema) });
const connectPromotion = z.object({ promotion: z.optional(z.nullable(promotionSchema)) });

export const KARGO_FLAVORS = ['connect', 'kubernetes'] as const;
export type KargoFlavor = (typeof KARGO_FLAVORS)[number];

export interface KargoCall {
  host: PlatformHost;
  instance?: string;
  project: string;
  signal?: AbortSignal;
  fresh?: boolean;
}

/** The four calls the widget makes, whichever API the host exposes. */
export interface KargoClient {
  listStages(call: KargoCall): Promise<Stage[]>;
  listFreight(call: KargoCall): Promise<Freight[]>;
  listPromotions(call: KargoCall): Promise<Promotion[]>;
  promote(call: KargoCall & { stage: string; freight: string }): Promise<Promotion | undefined>;
}

export const KARGO_SERVICE = 'akuity.io.kargo.service.v1alpha1.KargoService';

function connect<T>(call: KargoCall, method: string, body: Record<string, string>, schema: z.ZodMiniType<T>, read = true): Promise<T> {
  return apiCall(call, {
    system: 'kargo',
    method: 'POST',
    path: [KARGO_SERVICE, method],
    body,
    headers: { 'Connect-Protocol-Version': '1' },
    schema,
    read,
  });
}

/** Kargo's Connect API (JSON over HTTP POST), as its own UI uses it. */
export const connectClient: KargoClient = {
  async listStages(call) {
    return (await connect(call, 'ListStages', { project: call.project }, connectStages)).stages ?? [];
  },
  async listFreight(call) {
    const answer = await connect(call, 'QueryFreight', { project: call.project }, connectFreight);
    return Object.values(answer.groups ?? {}).flatMap((group) => group.freight ?? []);
  },
  async listPromotions(call) {
    return (await connect(call, 'ListPromotions', { project: call.project }, connectPromotions)).promotions ?? [];
  },
  async promote(call) {
    const body = { project: call.project, stage: call.stage, freight: call.freight };
    return (await connect(call, 'PromoteToStage', body, connectPromotion, false)).promotion ?? undefined;
  },
};

const KARGO_GROUP = ['apis', 'kargo.akuity.io', 'v1alpha1', 'namespaces'] as const;

async function kubeList<T extends z.ZodMiniType>(call: KargoCall, plural: string, item: T): Promise<Array<z.infer<T>>> {
  const answer = await apiCall(call, {
    system: 'kargo',
    path: [...KARGO_GROUP, call.project, plural],
    schema: listSchema(item),
  });
  return answer.items ?? [];
}

/** The same objects read as Kubernetes custom resources (`kargo.akuity.io/v1alpha1`). */
export const kubernetesClient: KargoClient = {
  listStages: (call) => kubeList(call, 'stages', stageSchema),
  listFreight: (call) => kubeList(call, 'freights', freightSchema),
  listPromotions: (call) => kubeList(call, 'promotions', promotionSchema),
  promote: (call) =>
    apiRequest(call.host, {
      system: 'kargo',
      instance: call.instance,
      method: 'POST',
      path: [...KARGO_GROUP, call.project, 'promotions'],
      body: {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Promotion',
        metadata: { generateName: `${call.stage}-`, namespace: call.project },
        spec: { stage: call.stage, freight: call.freight },
      },
      schema: promotionSchema,
      signal: call.signal,
    }),
};

export function kargoClient(flavor: KargoFlavor): KargoClient {
  return flavor === 'kubernetes' ? kubernetesClient : connectClient;
}

// ---- Deep links into the Kargo UI ---------------------------------------------------

export function projectLink(ui: string | undefined, project: string): string | undefined {
  return buildUrl(ui, ['project', project]);
}

export function stageLink(ui: string | undefined, project: string, stage: string): string | undefined {
  return buildUrl(ui, ['project', project, 'stage', stage]);
}

export function freightLink(ui: string | undefined, project: string, freight: string): string | undefined {
  return buildUrl(ui, ['project', project, 'freight', freight]);
}
