/**
 * The pod rules of pkg/apis/core/validation/validation.go that svclab checks, each with a pod the API server
 * accepts and one it refuses, and the refusal in kubectl's words.
 */
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import { validateFields } from './index';
import { createWarnings } from './warnings';

type Obj = Record<string, unknown>;

function defaulted(obj: Obj): Obj {
  const o = JSON.parse(JSON.stringify(obj)) as Obj;
  o.metadata = { namespace: 'default', ...(o.metadata as object) };
  applyDefaults(o);
  return o;
}
const errors = (obj: Obj): string[] => validateFields(defaulted(obj)).map((e) => e.message);
const pod = (spec: Obj): Obj => ({ kind: 'Pod', metadata: { name: 'p' }, spec });
const c = (extra: Obj = {}): Obj => ({ name: 'app', image: 'nginx:1.27', ...extra });

describe('containers', () => {
  it('a container name is a DNS-1123 label', () => {
    expect(errors(pod({ containers: [c()] }))).toEqual([]);
    expect(errors(pod({ containers: [c({ name: 'Web_1' })] }))).toEqual([
      `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
  it('names are unique; an init container is reported against the regular ones', () => {
    expect(errors(pod({ containers: [c(), c({ name: 'side' })] }))).toEqual([]);
    expect(errors(pod({ containers: [c(), c()] }))).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
    ]);
    expect(errors(pod({ initContainers: [c()], containers: [c()] }))).toEqual([
      'spec.initContainers[0].name: Duplicate value: "app"',
    ]);
  });
  it('imagePullPolicy and terminationMessagePolicy are from their enums', () => {
    expect(errors(pod({ containers: [c({ imagePullPolicy: 'Never' })] }))).toEqual([]);
    expect(
      errors(pod({ containers: [c({ imagePullPolicy: 'Sometimes', terminationMessagePolicy: 'Log' })] })),
    ).toEqual([
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "File", "FallbackToLogsOnError"',
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });
  it('a regular container takes no restartPolicy; an init container only Always', () => {
    expect(
      errors(pod({ initContainers: [c({ name: 'proxy', restartPolicy: 'Always' })], containers: [c()] })),
    ).toEqual([]);
    expect(
      errors(
        pod({
          initContainers: [c({ name: 'i', restartPolicy: 'Never' })],
          containers: [c({ restartPolicy: 'Always' })],
        }),
      ),
    ).toEqual([
      'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
      'spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
  it('an init container without restartPolicy Always has no probes or hooks; a sidecar may', () => {
    const probe = { tcpSocket: { port: 80 } };
    expect(
      errors(
        pod({
          initContainers: [c({ name: 'side', restartPolicy: 'Always', readinessProbe: probe })],
          containers: [c()],
        }),
      ),
    ).toEqual([]);
    expect(
      errors(pod({ initContainers: [c({ name: 'init', readinessProbe: probe })], containers: [c()] })),
    ).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });
  it('pod restartPolicy is Always, OnFailure or Never', () => {
    expect(errors(pod({ restartPolicy: 'OnFailure', containers: [c()] }))).toEqual([]);
    expect(errors(pod({ restartPolicy: 'Sometimes', containers: [c()] }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  it('a Pod’s image has no surrounding whitespace (a template’s is not checked)', () => {
    expect(errors(pod({ containers: [c({ image: 'nginx ' })] }))).toEqual([
      'spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace',
    ]);
    const deploy = {
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [c({ image: 'nginx ' })] } },
      },
    };
    expect(errors(deploy)).toEqual([]);
  });
});

describe('probes and hooks (validateHandler)', () => {
  it('exactly one handler', () => {
    expect(errors(pod({ containers: [c({ livenessProbe: { httpGet: { port: 80 } } })] }))).toEqual([]);
    expect(errors(pod({ containers: [c({ readinessProbe: { periodSeconds: 5 } })] }))).toEqual([
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ]);
    expect(
      errors(
        pod({ containers: [c({ livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })] }),
      ),
    ).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
  });
  it('exec needs a command, httpGet a scheme of HTTP or HTTPS, grpc a port in range', () => {
    expect(
      errors(
        pod({
          containers: [
            c({
              startupProbe: { exec: {} },
              readinessProbe: { httpGet: { port: 'http', scheme: 'FTP' } },
              livenessProbe: { grpc: { port: 0 } },
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      'spec.containers[0].startupProbe.exec.command: Required value',
    ]);
  });
  it('timings are non-negative; liveness and startup succeed after 1; readiness has no grace period', () => {
    expect(
      errors(pod({ containers: [c({ readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 3 } })] })),
    ).toEqual([]);
    expect(
      errors(
        pod({
          containers: [
            c({
              livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2, initialDelaySeconds: -1 },
              readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 },
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ]);
  });
  it('a probe’s 0 takes the default (SetDefaults_Probe), so successThreshold 0 is valid', () => {
    expect(
      errors(pod({ containers: [c({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 0 } })] })),
    ).toEqual([]);
  });
  it('a sleep hook fits in the termination grace period', () => {
    expect(errors(pod({ containers: [c({ lifecycle: { preStop: { sleep: { seconds: 5 } } } })] }))).toEqual(
      [],
    );
    expect(errors(pod({ containers: [c({ lifecycle: { preStop: { sleep: { seconds: 60 } } } })] }))).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ]);
  });
});

describe('resources (ValidateContainerResourceRequirements)', () => {
  it('requests at most the limits, printed as resource.Quantity prints them', () => {
    const res = (requests: Obj, limits: Obj) => pod({ containers: [c({ resources: { requests, limits } })] });
    expect(errors(res({ cpu: '500m', memory: '256Mi' }, { cpu: '0.5', memory: '1Gi' }))).toEqual([]);
    expect(errors(res({ cpu: '0.1', memory: '1024Mi' }, { cpu: '10m', memory: '0.5Gi' }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "100m": must be less than or equal to cpu limit of 10m',
      'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]);
  });
  it('quantities are non-negative; an extended resource’s request equals its limit', () => {
    expect(
      errors(
        pod({
          containers: [
            c({
              resources: { limits: { cpu: '-1', 'example.com/gpu': 2 }, requests: { 'example.com/gpu': 1 } },
            }),
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
      // SetDefaults_Pod copied the cpu limit into the requests before validation, so it is refused twice.
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });
});

describe('pod spec', () => {
  it('host ports are unique per protocol and host IP', () => {
    const port = { containerPort: 80, hostPort: 8080 };
    expect(
      errors(
        pod({ containers: [c({ ports: [port] }), c({ name: 'b', ports: [{ ...port, protocol: 'UDP' }] })] }),
      ),
    ).toEqual([]);
    expect(errors(pod({ containers: [c({ ports: [port] }), c({ name: 'b', ports: [port] })] }))).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ]);
  });
  it('with hostNetwork a Pod’s hostPort is its containerPort', () => {
    expect(errors(pod({ hostNetwork: true, containers: [c({ ports: [{ containerPort: 80 }] })] }))).toEqual(
      [],
    );
    expect(
      errors(pod({ hostNetwork: true, containers: [c({ ports: [{ containerPort: 80, hostPort: 8080 }] })] })),
    ).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });
  it('tolerations: Exists takes no value, an empty key needs Exists, tolerationSeconds needs NoExecute', () => {
    expect(errors(pod({ containers: [c()], tolerations: [{ operator: 'Exists' }] }))).toEqual([]);
    expect(
      errors(
        pod({
          containers: [c()],
          tolerations: [
            { key: 'a', operator: 'Exists', value: 'x' },
            { operator: 'Equal', value: 'y' },
            { key: 'b', operator: 'Equal', effect: 'NoSchedule', tolerationSeconds: 30 },
            { key: 'c', operator: 'Equal', effect: 'Sometimes' },
          ],
        }),
      ),
    ).toEqual([
      `spec.tolerations[0].operator: Invalid value: "x": value must be empty when \`operator\` is 'Exists'`,
      'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      `spec.tolerations[2].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
      'spec.tolerations[3].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
  it('activeDeadlineSeconds is at least 1; nodeSelector is a label map', () => {
    expect(
      errors(pod({ containers: [c()], activeDeadlineSeconds: 60, nodeSelector: { disk: 'ssd' } })),
    ).toEqual([]);
    expect(
      errors(pod({ containers: [c()], activeDeadlineSeconds: 0, nodeSelector: { 'disk type': 'ssd' } })),
    ).toEqual([
      `spec.nodeSelector: Invalid value: "disk type": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ]);
  });
});

describe('create warnings (pkg/api/pod/warnings.go)', () => {
  const warnings = (obj: Obj): string[] => createWarnings(defaulted(obj)).map((w) => w.message);
  it('the same containerPort and protocol twice is a duplicate port definition', () => {
    expect(
      warnings(
        pod({ containers: [c({ ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }] })] }),
      ),
    ).toEqual([]);
    expect(
      warnings(
        pod({
          containers: [
            c({ ports: [{ containerPort: 80 }] }),
            c({ name: 'b', ports: [{ containerPort: 80 }] }),
          ],
        }),
      ),
    ).toEqual(['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]']);
  });
  it('init containers are visited first; a hostPort beside none overlaps', () => {
    const job = {
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            initContainers: [c({ name: 'i', ports: [{ containerPort: 9000 }] })],
            containers: [c({ ports: [{ containerPort: 9000, hostPort: 9000 }] })],
          },
        },
      },
    };
    expect(warnings(job)).toEqual([
      'spec.template.spec.containers[0].ports[0]: overlapping port definition with spec.template.spec.initContainers[0].ports[0]',
    ]);
  });
});
