import { describe, expect, it } from 'vitest';
import { attributesFromAnnotations, hasRequiredAnnotations } from './annotations';
import { WIDGETS, WIDGET_TAGS, widgetSpec, type WidgetTag } from './widgets';

const entity = (annotations: Record<string, string>) => ({ metadata: { annotations } });
const map = (tag: WidgetTag, annotations: Record<string, string>) => attributesFromAnnotations(widgetSpec(tag), entity(annotations));

describe('annotation → attribute table', () => {
  // That the collected descriptors are every widget folder's is checked beside the widgets
  // (widgets/descriptors.test.ts); this package sees only the collected list.
  it('covers every widget of the remote, each once', () => {
    expect(WIDGET_TAGS).toContain('argo-status');
    expect(new Set(WIDGET_TAGS).size).toBe(WIDGET_TAGS.length);
    expect(new Set(WIDGETS.map((spec) => spec.cardName)).size).toBe(WIDGETS.length);
  });

  it('never feeds one attribute from two rows, and every required key is a known annotation', () => {
    for (const spec of WIDGETS) {
      const attributes = spec.attributes.map((source) => source.name);
      expect(new Set(attributes).size, spec.tag).toBe(attributes.length);
      for (const key of spec.requires.flat()) expect(key, spec.tag).toMatch(/^[a-z0-9.-]+\/[a-z0-9-]+$/);
    }
  });

  const cases: Array<[WidgetTag, Record<string, string>, Record<string, string>]> = [
    [
      'argo-status',
      { 'argocd/app-name': 'guestbook', 'argocd/project-name': 'storefront', 'argocd/app-namespace': 'team-a', 'argocd/instance-name': 'prod,staging' },
      { 'app-name': 'guestbook', project: 'storefront', 'app-namespace': 'team-a', instance: 'prod' },
    ],
    ['argo-status', { 'argocd/app-selector': 'team=payments' }, { 'app-selector': 'team=payments' }],
    [
      'k8s-pods',
      { 'backstage.io/kubernetes-id': 'payments', 'backstage.io/kubernetes-namespace': 'shop', 'backstage.io/kubernetes-label-selector': 'app=pay', 'backstage.io/kubernetes-cluster': 'eu-1' },
      { 'kubernetes-id': 'payments', namespace: 'shop', 'label-selector': 'app=pay', cluster: 'eu-1' },
    ],
    ['harbor-vulns', { 'goharbor.io/repository-slug': 'shop/payments/api, shop/web' }, { 'repository-slug': 'shop/payments/api' }],
    [
      'grafana-panel',
      { 'platform-widgets.io/grafana-dashboard-uid': 'abc', 'platform-widgets.io/grafana-panel-id': '4', 'backstage.io/kubernetes-namespace': 'shop' },
      { 'dashboard-uid': 'abc', 'panel-id': '4', namespace: 'shop' },
    ],
    ['grafana-panel', { 'grafana/overview-dashboard': 'https://grafana.example.com/d/x', 'grafana/dashboard-selector': 'tags @> "pay"' }, { 'dashboard-url': 'https://grafana.example.com/d/x', 'dashboard-selector': 'tags @> "pay"' }],
    ['grafana-alerts', { 'grafana/alert-label-selector': 'service=payments,env=prod' }, { 'label-selector': 'service=payments,env=prod' }],
    [
      'crossplane-status',
      {
        'terasky.backstage.io/claim-group': 'db.example.org',
        'terasky.backstage.io/claim-version': 'v1',
        'terasky.backstage.io/claim-plural': 'postgresqls',
        'terasky.backstage.io/claim-name': 'pay-db',
        'terasky.backstage.io/claim-namespace': 'shop',
        'terasky.backstage.io/composite-name': 'pay-db-x7k',
      },
      { group: 'db.example.org', version: 'v1', plural: 'postgresqls', name: 'pay-db', namespace: 'shop' },
    ],
    [
      'crossplane-status',
      {
        'terasky.backstage.io/composite-group': 'db.example.org',
        'terasky.backstage.io/composite-version': 'v1',
        'terasky.backstage.io/composite-plural': 'xpostgresqls',
        'terasky.backstage.io/composite-name': 'pay-db-x7k',
      },
      { group: 'db.example.org', version: 'v1', plural: 'xpostgresqls', name: 'pay-db-x7k' },
    ],
    ['kargo-stages', { 'platform-widgets.io/kargo-project': 'shop', 'platform-widgets.io/kargo-stage': 'prod' }, { project: 'shop', stage: 'prod' }],
    [
      'temporal-workflows',
      { 'platform-widgets.io/temporal-namespace': 'payments', 'platform-widgets.io/temporal-task-queue': 'charge', 'platform-widgets.io/temporal-instance': 'eu' },
      { namespace: 'payments', 'task-queue': 'charge', instance: 'eu' },
    ],
    ['kubecost-costs', { 'kubecost.com/deployment-name': 'payments', 'backstage.io/kubernetes-namespace': 'shop' }, { deployment: 'payments', namespace: 'shop' }],
    [
      'tekton-runs',
      { 'tekton.dev/cicd': 'true', 'backstage.io/kubernetes-namespace': 'shop', 'backstage.io/kubernetes-id': 'payments' },
      { namespace: 'shop', 'kubernetes-id': 'payments' },
    ],
    ['vault-secrets', { 'vault.io/secrets-path': 'team-a/payments', 'vault.io/secrets-engine': 'kv' }, { 'secrets-path': 'team-a/payments', 'secrets-engine': 'kv' }],
  ];

  it.each(cases)('%s maps %j', (tag, annotations, expected) => {
    expect(map(tag, annotations)).toEqual({ attributes: expected, missing: [] });
    expect(hasRequiredAnnotations(widgetSpec(tag), entity(annotations))).toBe(true);
  });

  it('names the first key of every unmet requirement', () => {
    expect(map('argo-status', {}).missing).toEqual(['argocd/app-name']);
    expect(map('k8s-pods', { 'backstage.io/kubernetes-label-selector': 'app=pay' }).missing).toEqual(['backstage.io/kubernetes-namespace']);
    expect(map('tekton-runs', { 'backstage.io/kubernetes-id': 'payments' }).missing).toEqual(['tekton.dev/cicd', 'backstage.io/kubernetes-namespace']);
    expect(map('crossplane-status', { 'terasky.backstage.io/claim-name': 'db' }).missing).toEqual([
      'terasky.backstage.io/claim-plural',
      'terasky.backstage.io/claim-group',
      'terasky.backstage.io/claim-version',
    ]);
    expect(hasRequiredAnnotations(widgetSpec('vault-secrets'), entity({ 'vault.io/secrets-path': '  ' }))).toBe(false);
  });

  it('takes the refresh interval from the entity, else the configured default', () => {
    const annotations = { 'vault.io/secrets-path': 'a' };
    expect(attributesFromAnnotations(widgetSpec('vault-secrets'), entity(annotations), { 'refresh-interval': '60' }).attributes['refresh-interval']).toBe('60');
    const own = attributesFromAnnotations(widgetSpec('vault-secrets'), entity({ ...annotations, 'platform-widgets.io/refresh-interval': '15' }), { 'refresh-interval': '60' });
    expect(own.attributes['refresh-interval']).toBe('15');
    expect(map('vault-secrets', { ...annotations, 'platform-widgets.io/refresh-interval': 'soon' }).attributes['refresh-interval']).toBeUndefined();
  });

  it('an entity without annotations maps to nothing', () => {
    expect(attributesFromAnnotations(widgetSpec('kargo-stages'), { metadata: {} })).toEqual({ attributes: {}, missing: ['platform-widgets.io/kargo-project'] });
  });
});
