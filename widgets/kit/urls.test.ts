import { describe, expect, it } from 'vitest';
import { buildHashUrl, buildUrl, encodeSegment, isUnderBase, safeHref } from './urls.js';

describe('urls', () => {
  it('encodes every segment and query value', () => {
    expect(buildUrl('https://argo.example.com/', ['applications', 'a b/c?d'], { labels: 'team=x&y' })).toBe(
      'https://argo.example.com/applications/a%20b%2Fc%3Fd?labels=team%3Dx%26y',
    );
  });

  it('keeps a base path and resolves relative bases against the page', () => {
    expect(buildUrl('/proxy/argocd', ['api', 'v1'])).toBe(`${location.origin}/proxy/argocd/api/v1`);
    expect(buildUrl('https://x.example.com/argo/', ['applications'])).toBe('https://x.example.com/argo/applications');
  });

  it('refuses non-http bases and dot segments', () => {
    expect(buildUrl('javascript:alert(1)', ['x'])).toBeUndefined();
    expect(buildUrl('data:text/html,hi', ['x'])).toBeUndefined();
    expect(buildUrl('https://a.example.com', ['..', 'admin'])).toBeUndefined();
    expect(buildUrl('https://a.example.com', ['.'])).toBeUndefined();
    expect(buildUrl(undefined, ['x'])).toBeUndefined();
  });

  it('a value can never change the origin', () => {
    const url = buildUrl('https://a.example.com', ['//evil.example.com/x', 'https://evil.example.com']);
    expect(new URL(url ?? '').origin).toBe('https://a.example.com');
  });

  it('double-encodes when asked (Harbor repository names)', () => {
    expect(encodeSegment({ value: 'team/app', encodeTwice: true })).toBe('team%252Fapp');
  });

  it('drops query values that are empty, keeps arrays', () => {
    expect(buildUrl('https://a.example.com', ['x'], { a: undefined, b: '', c: null, d: ['1', '2'], e: 0 })).toBe(
      'https://a.example.com/x?d=1&d=2&e=0',
    );
  });

  it('safeHref allows http(s) only', () => {
    expect(safeHref('https://a.example.com/x')).toBe('https://a.example.com/x');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('  JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });

  it('isUnderBase respects origin and segment boundaries', () => {
    expect(isUnderBase('https://a.example.com/api/x', 'https://a.example.com/api')).toBe(true);
    expect(isUnderBase('https://a.example.com/api', 'https://a.example.com/api/')).toBe(true);
    expect(isUnderBase('https://a.example.com/apix', 'https://a.example.com/api')).toBe(false);
    expect(isUnderBase('https://a.example.com.evil.com/api/x', 'https://a.example.com/api')).toBe(false);
    expect(isUnderBase('http://a.example.com/api/x', 'https://a.example.com/api')).toBe(false);
  });
});

describe('buildHashUrl (Tekton Dashboard hash routes)', () => {
  it('appends an encoded hash route and query to an http(s) base', () => {
    expect(buildHashUrl('https://tekton.example.com', ['namespaces', 'team a', 'pipelineruns', 'run/1']))
      .toBe('https://tekton.example.com/#/namespaces/team%20a/pipelineruns/run%2F1');
    expect(buildHashUrl('https://tekton.example.com/dashboard/', ['pipelineruns'], { labelSelector: 'app in (a,b)', empty: '' }))
      .toBe('https://tekton.example.com/dashboard#/pipelineruns?labelSelector=app+in+%28a%2Cb%29');
  });

  it('refuses non-http bases and path-walking segments', () => {
    expect(buildHashUrl('javascript:alert(1)', ['x'])).toBeUndefined();
    expect(buildHashUrl(undefined, ['x'])).toBeUndefined();
    expect(buildHashUrl('https://tekton.example.com', ['namespaces', '..', 'secrets'])).toBeUndefined();
    expect(buildHashUrl('https://tekton.example.com', ['namespaces', ''])).toBeUndefined();
  });

  it('drops any hash or query already on the base', () => {
    expect(buildHashUrl('https://tekton.example.com/?x=1#/old', ['about'])).toBe('https://tekton.example.com/#/about');
  });
});
