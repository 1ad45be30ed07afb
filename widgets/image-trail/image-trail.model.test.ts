import { describe, expect, it } from 'vitest';
import { validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { applicationSchema, freightSchema, podSchema, type Pod } from './image-trail.api.js';
import { argoStep, digestIn, kargoStep, podsStep } from './image-trail.model.js';

const DIR = '../../../shared/fixtures/upstream';
const upstream = import.meta.glob(['../../../shared/fixtures/upstream/kubernetes/pod-*.json', '../../../shared/fixtures/upstream/argocd/*.json', '../../../shared/fixtures/upstream/kargo/freight-*.json'], { eager: true, import: 'default' });
const raw = (file: string) => upstream[`${DIR}/${file}`];
if (!Object.keys(upstream).length) console.warn(`[image-trail] ${UPSTREAM_DIR} not found: matching NOT checked against real responses.`);

const NGINX = 'sha256:f7988fb6c02e0ce69257d9bd9cf37ae20a60f1df7563c3a2a6abe24160306b8d';
const noLinks = { freight: () => undefined, stage: () => undefined };

describe('image-trail: digests as the tools write them', () => {
  it('reads the manifest digest from docker-pullable://, registry/repo@ and plain repo@ references; a bare image ID is none', () => {
    expect(digestIn(`docker-pullable://nginx@${NGINX}`)).toBe(NGINX);
    expect(digestIn(`602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns@${NGINX}`)).toBe(NGINX);
    expect(digestIn(NGINX)).toBeUndefined();
    expect(digestIn('nginx:1.27')).toBeUndefined();
    expect(digestIn('')).toBeUndefined();
  });
});

describe(`image-trail against ${UPSTREAM_DIR}`, () => {
  const healthy = raw('kubernetes/pod-healthy.json');
  it.skipIf(healthy === undefined)('Kubernetes: the real pod (imageID docker-pullable://…@sha256) is found by its digest, and not by another', () => {
    const pod = validate(podSchema, healthy);
    const digest = digestIn(pod.status?.containerStatuses?.[0]?.imageID);
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const found = podsStep(digest as string, [pod], () => undefined);
    expect(found.state).toBe('found');
    expect(found.lines[0]?.text).toContain(pod.metadata.name);
    expect(podsStep(NGINX.replace('f', '0'), [pod], () => undefined).state).toBe('absent');
  });

  const pods = Object.entries(upstream).filter(([file]) => file.includes('/kubernetes/pod-')).map(([, value]) => validate(podSchema, value));
  it.skipIf(!pods.length)(`Kubernetes: all ${pods.length} real pods parse, and the three nginx pods share one digest`, () => {
    const step = podsStep(NGINX, pods, () => undefined);
    expect(step.lines.length).toBeGreaterThanOrEqual(1);
    expect(step.lines.every((line) => /\(container /.test(line.text))).toBe(true);
  });

  const sockshop = raw('argocd/application-synced-healthy-sockshop.json');
  it.skipIf(sockshop === undefined)('Argo CD: the real summary.images (tags, no digests) never prove a digest; a tag matches only with its repository', () => {
    const app = validate(applicationSchema, sockshop);
    expect(argoStep(NGINX, [app], [], undefined, () => undefined).state).toBe('absent');
    const byTag = argoStep(NGINX, [app], ['0.4.8'], 'weaveworksdemos/carts', () => undefined);
    expect(byTag.state).toBe('partial');
    expect(byTag.lines[0]?.text).toContain('shows weaveworksdemos/carts:0.4.8: a tag, not proof of this digest');
    expect(argoStep(NGINX, [app], ['0.4.8'], 'other/orders', () => undefined).state).toBe('absent');
  });

  const freight = raw('kargo/freight-docs-example.json');
  it.skipIf(freight === undefined)('Kargo: the real Freight carries its image digest; a stage with it in freightHistory has it', () => {
    const item = validate(freightSchema, freight);
    const digest = item.images?.[0]?.digest ?? '';
    const stage = { metadata: { name: 'test' }, status: { freightHistory: [{ items: { 'Warehouse/kargo-demo': { name: item.metadata.name } } }] } };
    const step = kargoStep(digest, [item], [stage, { metadata: { name: 'prod' } }], [], noLinks);
    expect(step.state).toBe('found');
    expect(step.lines.map((line) => line.text)).toEqual(['test: has it', 'prod: not yet']);
    expect(kargoStep(NGINX, [item], [stage], [], noLinks).state).toBe('absent');
  });
});

describe('image-trail: Kubernetes pods not running the digest', () => {
  it('counts the others', () => {
    const pod = (name: string, imageID: string): Pod => ({ metadata: { name }, status: { phase: 'Running', containerStatuses: [{ name: 'c', imageID, ready: true, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }] } });
    const step = podsStep(NGINX, [pod('a', `x@${NGINX}`), pod('b', 'x@sha256:' + '1'.repeat(64)), pod('c', 'x@sha256:' + '2'.repeat(64))], () => undefined);
    expect(step.headline).toBe('1 pod runs it; 2 others do not');
  });
});
