import { describeWidget } from '../kit/host.js';

/** What <vault-secrets> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const vaultSecretsDescriptor = describeWidget({
  tag: 'vault-secrets',
  system: 'vault',
  title: 'Vault secrets',
  attributes: [
    { name: 'secrets-path', annotations: ['vault.io/secrets-path'] },
    { name: 'secrets-engine', annotations: ['vault.io/secrets-engine'] },
    { name: 'vault-namespace', annotations: ['platform-widgets.io/vault-namespace'] },
  ],
  requires: [['vault.io/secrets-path']],
  links: ['ui/vault/secrets'],
  calls: {
    vault: [
      { method: 'GET', path: '/v1/{mount+}/metadata/{path+}', query: ['list'] },
      { method: 'GET', path: '/v1/{mount+}/metadata', query: ['list'] },
    ],
  },
});
