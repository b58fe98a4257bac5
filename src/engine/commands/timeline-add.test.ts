import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { formatDuration, parseDuration } from '../manifest/timeline';
import { createWorld } from '../world';
import { runCommand } from './run';
import type { CommandEnv } from './types';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: agnhost
          ports: [{ containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]
`;

/** An environment as the page's worker gives it: the built scene, its sources, the scrubber's instant. */
function envOf(files: { file: string; text: string }[], at?: number): CommandEnv {
  const built = buildCluster(files, { seed: 1 });
  return {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    sources: files,
    objects: built.objects,
    json: false,
    lang: 'en',
    ...(at !== undefined ? { at } : {}),
  };
}

const webPods = (env: CommandEnv) =>
  env.cluster.pods.filter((p) => p.metadata.name?.startsWith('web-')).map((p) => p.metadata.name!);

describe('timeline add', () => {
  it('adds a Timeline document to the last file at the instant the command runs at', () => {
    const files = [
      { file: 'a.yaml', text: WEB },
      { file: 'b.yaml', text: '# more\n' },
    ];
    const r = runCommand('timeline add NodeStopped node-2 --at 10s', envOf(files));
    expect(r).toMatchObject({ exitCode: 0, stdout: 'timeline.svclab.io/faults created\n', stderr: '' });
    expect(r.sources![0]!.text).toBe(WEB);
    expect(r.sources![1]!.text).toBe(
      '# more\n---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nmetadata:\n  name: faults\nevents:\n  - at: 10s\n    fault: NodeStopped\n    node: node-2\n',
    );
    // The edited scene has the fault: node-2 is NotReady 50 s later.
    const after = envOf(r.sources!);
    const timeline = runCommand('timeline', after).stdout;
    expect(timeline).toContain('10s');
    expect(timeline).toContain('Node node-2 stops');
    expect(runCommand('get nodes --at 1m', after).stdout).toMatch(/node-2\s+NotReady/);
  });

  it('appends to the scene’s Timeline, keeping its comments, and takes the page’s instant', () => {
    const text = `${WEB}---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nmetadata: { name: outage } # prepared\nevents:\n  - { at: 5s, fault: NodeDrained, node: node-1 }\n`;
    const env = envOf([{ file: 'scene.yaml', text }], 70);
    const pod = webPods(env)[0]!;
    const r = runCommand(`timeline add ReadinessFailing ${pod}`, env);
    expect(r.stdout).toBe('timeline.svclab.io/outage edited\n');
    const edited = r.sources![0]!.text;
    expect(edited).toContain('metadata: { name: outage } # prepared');
    expect(edited).toContain('  - { at: 5s, fault: NodeDrained, node: node-1 }\n');
    expect(edited).toContain(`  - at: 1m10s\n    fault: ReadinessFailing\n    pod: ${pod}\n`);
    expect(edited.startsWith(WEB)).toBe(true);
  });

  it('names the namespace when not default and a crashed container', () => {
    const ns = WEB.replaceAll('metadata: { name: web }', 'metadata: { name: web, namespace: shop }');
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n---\n${ns}`;
    const env = envOf([{ file: 'scene.yaml', text }]);
    const pod = env.cluster.pods.find((p) => p.metadata.namespace === 'shop')!.metadata.name!;
    const r = runCommand(`timeline add ContainerCrashed ${pod} -n shop -c web`, env);
    expect(r.exitCode).toBe(0);
    expect(r.sources![0]!.text).toContain(
      `  - at: 0s\n    fault: ContainerCrashed\n    pod: ${pod}\n    namespace: shop\n    container: web\n`,
    );
  });

  it('says what kubectl says for a node or pod that is not there, and keeps the text', () => {
    const env = envOf([{ file: 'scene.yaml', text: WEB }]);
    expect(runCommand('timeline add NodeStopped node-9', env)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
    });
    expect(runCommand('timeline add PodDeleted web-x', env).stderr).toBe(
      'Error from server (NotFound): pods "web-x" not found\n',
    );
    expect(runCommand(`timeline add PodDeleted ${webPods(env)[0]} -n kube-system`, env).exitCode).toBe(1);
    expect(runCommand(`timeline add ContainerCrashed ${webPods(env)[0]} -c nope`, env).stderr).toBe(
      `error: container nope is not valid for pod ${webPods(env)[0]}\n`,
    );
  });

  it('names a pod as the scene builds it: a replacement made by the timeline is not a target', () => {
    const first = envOf([{ file: 'scene.yaml', text: WEB }]);
    const pod = webPods(first)[0]!;
    const stopped = runCommand(`timeline add PodDeleted ${pod}`, first).sources!;
    const later = envOf(stopped);
    const atTen = runCommand('get pods --at 10s -o json', later);
    const names: string[] = JSON.parse(atTen.stdout).items.map(
      (p: { metadata: { name: string } }) => p.metadata.name,
    );
    const replacement = names.find((n) => n.startsWith('web-') && !webPods(later).includes(n))!;
    expect(replacement).toBeDefined();
    expect(runCommand(`timeline add PodDeleted ${replacement} --at 10s`, later).stderr).toBe(
      `Error from server (NotFound): pods "${replacement}" not found\n`,
    );
  });

  it('refuses bad words with a usage error (exit 2)', () => {
    const env = envOf([{ file: 'scene.yaml', text: WEB }]);
    for (const line of [
      'timeline add',
      'timeline add NodeExploded node-1',
      'timeline add NodeStopped',
      'timeline add NodeStopped node-1 node-2',
      'timeline add NodeStopped node-1 -c web',
      'timeline remove 1',
    ])
      expect(runCommand(line, env).exitCode, line).toBe(2);
    expect(runCommand('timeline add NodeStopped node-1 --bogus', env).stderr).toBe(
      'error: unknown flag: --bogus\n',
    );
    expect(runCommand('timeline add __proto__ x', env).exitCode).toBe(2);
  });

  it('without the scene’s text it refuses and says why', () => {
    const { sources: _, ...env } = envOf([{ file: 'scene.yaml', text: WEB }]);
    expect(runCommand('timeline add NodeStopped node-1', env).stderr).toContain('edits the scene');
  });

  it('-o yaml prints the whole edited scene', () => {
    const r = runCommand(
      'timeline add NodeStopped node-1 --at 1m -o yaml',
      envOf([{ file: 's.yaml', text: WEB }]),
    );
    expect(r.stdout).toBe(r.sources![0]!.text);
    expect(r.stdout).toContain('at: 1m0s');
  });
});

describe('the page’s instant (env.at)', () => {
  it('is where a line without --at runs; --at still wins', () => {
    const text = `${WEB}---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nevents:\n  - { at: 10s, fault: NodeStopped, node: node-2 }\n`;
    const files = [{ file: 'scene.yaml', text }];
    expect(runCommand('get nodes', envOf(files, 60)).stdout).toMatch(/node-2\s+NotReady/);
    expect(runCommand('get nodes', envOf(files)).stdout).toMatch(/node-2\s+Ready/);
    expect(runCommand('get nodes --at 0s', envOf(files, 60)).stdout).toMatch(/node-2\s+Ready/);
    expect(runCommand('timeline', envOf(files, 60)).stdout).toContain('── now: 60s ──');
  });
});

describe('formatDuration', () => {
  it('prints as Go does and parseDuration reads it back', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [0.5, '500ms'],
      [10, '10s'],
      [60, '1m0s'],
      [70, '1m10s'],
      [1.25, '1.25s'],
      [3600, '1h0m0s'],
      [3725.5, '1h2m5.5s'],
    ];
    for (const [s, text] of cases) {
      expect(formatDuration(s)).toBe(text);
      expect(parseDuration(text)).toBeCloseTo(s, 6);
    }
  });
});
