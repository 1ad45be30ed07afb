import type { Entity } from '@backstage/catalog-model';

/** The entity the dev page shows: annotated for Argo CD, Kargo and Vault; Harbor left out on purpose. */
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
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};
