import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';
import { argoHandlers } from './fixtures/handlers.js';

describe('argo-status', () => {
  it('renders a healthy application', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountWidget<ArgoStatus>(html`<argo-status app-name="guestbook"></argo-status>`, fakeHost());
    await waitForState(element, 'ready');
    expect(text()).toContain('Synced');
    expect(text()).toContain('Healthy');
    await expectAccessible(element);
  });
});
