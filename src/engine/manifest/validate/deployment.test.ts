import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import { validateFields } from './index';

/** A Deployment's API errors after defaulting, as kubectl prints each one. */
function errors(spec: Record<string, unknown>, kind = 'Deployment'): string[] {
  const obj: Record<string, unknown> = JSON.parse(
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind,
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
        ...spec,
      },
    }),
  ) as Record<string, unknown>;
  applyDefaults(obj);
  return validateFields(obj).map((e) => e.message);
}

describe('ValidateDeploymentSpec', () => {
  it('a defaulted Deployment (RollingUpdate 25%/25%, deadline 600 s) is valid', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ strategy: { type: 'Recreate' } })).toEqual([]);
  });
  it('Recreate forbids rollingUpdate; an unknown type is not supported', () => {
    expect(errors({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } })).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    expect(errors({ strategy: { type: 'BlueGreen' } })).toEqual([
      'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
    ]);
  });
  it('maxUnavailable and maxSurge: both 0 is refused, percentages are checked, maxUnavailable ≤ 100%', () => {
    expect(errors({ strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } })).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    expect(errors({ strategy: { rollingUpdate: { maxUnavailable: '0%', maxSurge: 0 } } })).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ]);
    expect(errors({ strategy: { rollingUpdate: { maxUnavailable: '150%', maxSurge: -1 } } })).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
    expect(errors({ strategy: { rollingUpdate: { maxUnavailable: 'half' } } })).toEqual([
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"half\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
  it('minReadySeconds and revisionHistoryLimit are non-negative; the progress deadline exceeds minReadySeconds', () => {
    expect(errors({ minReadySeconds: -1, revisionHistoryLimit: -2 })).toEqual([
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
    ]);
    expect(errors({ minReadySeconds: 600 })).toEqual([
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
    expect(errors({ minReadySeconds: 3, progressDeadlineSeconds: 60 })).toEqual([]);
  });
  it('a ReplicaSet checks minReadySeconds too', () => {
    expect(errors({ minReadySeconds: -5 }, 'ReplicaSet')).toEqual([
      'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    ]);
  });
});
