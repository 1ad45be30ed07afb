import { define, defineKitElements } from '../kit/index.js';
import { VaultSecrets } from './vault-secrets.component.js';

export { VaultSecrets };
defineKitElements();
define('vault-secrets', VaultSecrets);

declare global {
  interface HTMLElementTagNameMap {
    'vault-secrets': VaultSecrets;
  }
}
