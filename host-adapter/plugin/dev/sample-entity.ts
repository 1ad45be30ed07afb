import type { Entity } from '@backstage/catalog-model';

/**
 * The entity the dev page shows, annotated with the keys of the existing Backstage plugins
 * (and the project's own where none exists); Harbor's is left out on purpose.
 */
export const sampleEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'guestbook',
    namespace: 'default',
    title: 'Guestbook',
    description: 'Sample service for the Platform Widgets Backstage plugin.',
    annotations: {
      'argocd/app-name': 'guestbook',
      'argocd/project-name': 'storefront',
      'platform-widgets.io/kargo-project': 'storefront',
      'vault.io/secrets-path': 'payments-api',
      'vault.io/secrets-engine': 'secrets',
      'platform-widgets.io/temporal-namespace': 'payments',
      'tekton.dev/cicd': 'true',
      'grafana/alert-label-selector': 'team=payments',
      'goharbor.io/repository-slug': 'storefront/guestbook/web',
      'backstage.io/kubernetes-namespace': 'team-checkout',
      'backstage.io/kubernetes-id': 'checkout',
      'terasky.backstage.io/claim-group': 'database.example.org',
      'terasky.backstage.io/claim-version': 'v1alpha1',
      'terasky.backstage.io/claim-plural': 'postgresqlinstances',
      'terasky.backstage.io/claim-name': 'payments-db',
      'terasky.backstage.io/claim-namespace': 'payments',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};
