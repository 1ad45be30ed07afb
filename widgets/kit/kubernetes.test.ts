import { describe, expect, it } from 'vitest';
import { dashboardLink } from './kubernetes.js';

describe('kit: dashboard links (Headlamp routes)', () => {
  const ui = 'https://headlamp.example.com/dash';

  it('built-in kinds have their own pages; custom resources go under customresources', () => {
    expect(dashboardLink(ui, 'prod', { group: '', plural: 'pods', namespace: 'shop', name: 'web-1' })).toBe(`${ui}/c/prod/pods/shop/web-1`);
    expect(dashboardLink(ui, 'prod', { group: 'apps', plural: 'deployments', namespace: 'shop', name: 'web' })).toBe(`${ui}/c/prod/deployments/shop/web`);
    expect(dashboardLink(ui, 'prod', { group: 'example.org', plural: 'databases', name: 'db' })).toBe(`${ui}/c/prod/customresources/databases.example.org/db`);
  });

  it('a list page takes a query; an empty cluster is the default one', () => {
    expect(dashboardLink(ui, '', { group: '', plural: 'pods' }, { namespace: 'shop' })).toBe(`${ui}/c/main/pods?namespace=shop`);
  });

  it('encodes every segment and refuses non-http(s) bases', () => {
    expect(dashboardLink(ui, 'a/b', { group: '', plural: 'pods', namespace: '../..', name: '<x>' })).toBe(`${ui}/c/a%2Fb/pods/..%2F../%3Cx%3E`);
    expect(dashboardLink('javascript:alert(1)', 'prod', { group: '', plural: 'pods' })).toBeUndefined();
    expect(dashboardLink(undefined, 'prod', { group: '', plural: 'pods' })).toBeUndefined();
  });
});
