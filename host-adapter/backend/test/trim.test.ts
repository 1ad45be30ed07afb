import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeTool, type FakeTool } from './fake-tool.js';
import { asUser, startBackend } from './test-backend.js';

const managedFields = [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:conditions': {} } } }];
const pod = (name: string) => ({
  metadata: { name, namespace: 'team-checkout', labels: { app: 'checkout' }, managedFields },
  spec: { containers: [{ name: 'web', image: 'web:1' }] },
  status: { phase: 'Running' },
});

describe('platform-widgets backend: bytes no widget reads are not sent', () => {
  let tool: FakeTool;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  before(async () => {
    tool = await startFakeTool((request) =>
      request.url.startsWith('/api/v1/') ? { body: { kind: 'PodList', metadata: { resourceVersion: '1' }, items: [pod('a'), pod('b')] } } : { body: { metadata: { name: 'guestbook', managedFields } } },
    );
    backend = await startBackend({ toolUrl: tool.url });
  });
  after(async () => {
    await backend.stop();
    await tool.close();
  });

  it("Kubernetes objects lose metadata.managedFields; everything else stays", async () => {
    const response = await fetch(`${backend.base}/kubernetes/api/v1/namespaces/team-checkout/pods?labelSelector=app%3Dcheckout`, { headers: asUser('alice') });
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(!text.includes('managedFields'));
    assert.deepEqual(JSON.parse(text), { kind: 'PodList', metadata: { resourceVersion: '1' }, items: [pod('a'), pod('b')].map(({ metadata: { managedFields: _, ...metadata }, ...rest }) => ({ metadata, ...rest })) });
  });

  it('other tools answer as they are', async () => {
    const response = await fetch(`${backend.base}/argocd/api/v1/applications/guestbook`, { headers: asUser('alice') });
    assert.ok((await response.text()).includes('managedFields'));
  });
});
