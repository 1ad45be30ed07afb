import { describe, expect, it } from 'vitest';
import { MAX_DIFF_CELLS, lineDiff, toYaml } from './argo-status.yaml.js';

describe('argo-status YAML', () => {
  it('prints objects, lists and scalars as kubectl would, quoting what YAML would misread', () => {
    const yaml = toYaml({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web', version: '1.0' }, annotations: {} },
      spec: {
        replicas: 3,
        paused: false,
        template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27', args: ['--port', '8080'], env: [] }] } },
      },
      data: { note: 'a: b', empty: '', yes: 'yes', multi: 'line one\nline two', html: '<script>x</script>' },
    });
    expect(yaml).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  labels:',
        '    app: web',
        '    version: "1.0"',
        '  annotations: {}',
        'spec:',
        '  replicas: 3',
        '  paused: false',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: web',
        '        image: nginx:1.27',
        '        args:',
        '        - "--port"',
        '        - "8080"',
        '        env: []',
        'data:',
        '  note: "a: b"',
        '  empty: ""',
        '  "yes": "yes"',
        '  multi: "line one\\nline two"',
        '  html: "<script>x</script>"',
      ].join('\n'),
    );
  });

  it('diffs line by line: removed from the live state, added in the desired one', () => {
    expect(lineDiff('a\nreplicas: 2\nc', 'a\nreplicas: 3\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'replicas: 3' },
      { kind: 'removed', text: 'replicas: 2' },
      { kind: 'same', text: 'c' },
    ]);
    expect(lineDiff('x', 'x')).toEqual([{ kind: 'same', text: 'x' }]);
  });

  it('declines manifests too large to compare in the page', () => {
    const side = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 1;
    const big = Array.from({ length: side }, (_, i) => `line ${i}`).join('\n');
    expect(lineDiff(big, `${big}\nmore`)).toBeUndefined();
  });
});
