import { describe, expect, it } from 'vitest';
import type { ObjectOrigin } from '../../engine/cluster/state';
import { linesOf, objectAtLine } from './origins';
import { diagnosticText, MarkerSeverity, toMonacoMarkers } from './to-monaco-markers';

describe('toMonacoMarkers', () => {
  it('words API errors like kubectl and places them on the field', () => {
    const [m] = toMonacoMarkers(
      [
        {
          severity: 'error',
          source: 'api',
          code: 'service.nodePort.range',
          kind: 'Service',
          name: 'x',
          field: 'spec.ports[0].nodePort',
          message:
            'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 19,
        },
      ],
      20,
      'en',
    );
    expect(m).toEqual({
      severity: MarkerSeverity.Error,
      message:
        'The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      source: 'svclab api',
      code: 'service.nodePort.range',
      startLineNumber: 7,
      startColumn: 5,
      endLineNumber: 7,
      endColumn: 19,
    });
  });

  it('prefixes warnings, keeps lineless diagnostics on line 1, clamps past the end', () => {
    expect(
      diagnosticText({ severity: 'warning', source: 'lint', code: 'a', message: 'no endpoints' }, 'en'),
    ).toBe('Warning: no endpoints');
    const [a, b] = toMonacoMarkers(
      [
        { severity: 'info', source: 'lint', code: 'a', message: 'm' },
        { severity: 'error', source: 'yaml', code: 'b', message: 'bad', line: 99, column: 3 },
      ],
      10,
      'en',
    );
    expect(a).toMatchObject({ severity: MarkerSeverity.Info, startLineNumber: 1, startColumn: 1 });
    expect(b).toMatchObject({
      severity: MarkerSeverity.Error,
      startLineNumber: 10,
      endLineNumber: 10,
      message: 'bad',
    });
  });
});

describe('origins', () => {
  const origins = new Map<string, ObjectOrigin>([
    ['Deployment/default/web', { by: 'user', file: 'scene.yaml', startLine: 9, endLine: 30, order: 0 }],
    ['Service/default/web', { by: 'user', file: 'scene.yaml', startLine: 32, endLine: 45, order: 1 }],
    ['ReplicaSet/default/web-7c9d8', { by: 'controller', owner: 'Deployment/default/web', order: 2 }],
    ['Pod/default/web-7c9d8-abcde', { by: 'controller', owner: 'ReplicaSet/default/web-7c9d8', order: 3 }],
    ['Service/kube-system/kube-dns', { by: 'system', order: 4 }],
  ]);
  it('finds the object under the cursor', () => {
    expect(objectAtLine(origins, 'scene.yaml', 9)).toBe('Deployment/default/web');
    expect(objectAtLine(origins, 'scene.yaml', 40)).toBe('Service/default/web');
    expect(objectAtLine(origins, 'scene.yaml', 31)).toBeNull();
    expect(objectAtLine(origins, 'other.yaml', 40)).toBeNull();
  });
  it("reveals a controller-made pod at its Deployment's lines; system objects have none", () => {
    expect(linesOf(origins, 'Pod/default/web-7c9d8-abcde', 'scene.yaml')).toEqual({
      startLine: 9,
      endLine: 30,
    });
    expect(linesOf(origins, 'Service/kube-system/kube-dns', 'scene.yaml')).toBeNull();
  });
});
