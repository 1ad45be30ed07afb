// Dev only (not in the package): the repository's stand-in Argo CD, answering from the widget fixtures.
import { startFakeArgoCd } from '../../../e2e/fake-argocd.js';

export async function startDevTools(port: number): Promise<{ argocdUrl: string }> {
  await startFakeArgoCd(port);
  return { argocdUrl: `http://127.0.0.1:${port}` };
}
