import { describe, expect, it } from 'vitest';
import { buildHashUrl } from './hash-route.js';

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
