import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { define } from './define.js';
import { defineKitElements } from './elements.js';
import type { SystemId } from './host.js';
import { fakeHost, testEndpoints } from './testing/fake-host.js';
import { visibleText, waitForState } from './testing/mount.js';
import { WidgetElement } from './widget-element.js';

/** A widget reading several tools: it reports which of them have a usable endpoint. */
class MultiWidget extends WidgetElement<string[]> {
  protected readonly system = 'harbor' as const;
  protected override systems(): readonly SystemId[] {
    return ['harbor', 'kargo', 'argocd'];
  }
  protected missingConfig() {
    return undefined;
  }
  protected configKey() {
    return 'x';
  }
  protected resourceLabel() {
    return 'x';
  }
  protected load() {
    return Promise.resolve(this.systems().filter((system) => this.usableEndpoint(system)));
  }
  protected isEmpty() {
    return false;
  }
  protected renderReady(data: string[]) {
    return html`<p>configured: ${data.join(', ')}</p>`;
  }
  protected renderEmpty() {
    return html``;
  }
  protected deepLink() {
    return undefined;
  }
}
defineKitElements();
define('multi-widget', MultiWidget);

const only = (...keys: string[]) => Object.fromEntries(Object.entries(testEndpoints()).filter(([key]) => keys.includes(key)));

describe('WidgetElement reading several tools', () => {
  it('is configured when any one of its tools has an endpoint, and sees which ones do', async () => {
    const element = await fixture<MultiWidget>(html`<multi-widget refresh-interval="0" .host=${fakeHost({ endpoints: only('kargo') })}></multi-widget>`);
    await waitForState(element, 'ready');
    expect(visibleText(element)).toContain('configured: kargo');
  });

  it('names every tool when none has one; an api that is not http(s) is not usable', async () => {
    const endpoints = { harbor: { api: 'javascript:alert(1)', ui: 'https://harbor.example.com' } };
    const element = await fixture<MultiWidget>(html`<multi-widget refresh-interval="0" .host=${fakeHost({ endpoints })}></multi-widget>`);
    await waitForState(element, 'not-configured');
    expect(visibleText(element)).toContain('No endpoint is configured for any of Harbor (endpoints["harbor"]), Kargo (endpoints["kargo"]), Argo CD (endpoints["argocd"])');
  });
});
