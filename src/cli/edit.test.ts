import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-edit-');

const SCENE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: agnhost
          ports:
            - containerPort: 8080
`;

describe('svclab: commands that edit the scene', () => {
  it('prints kubectl’s line, or the whole edited scene with -o yaml', async () => {
    const f = tmp.file(SCENE);
    expect(await run('-f', f, 'scale', 'deployment', 'web', '--replicas=5')).toEqual({
      code: 0,
      out: 'deployment.apps/web scaled\n',
      err: '',
    });
    const y = await run('-f', f, 'scale', 'deployment', 'web', '--replicas=5', '-o', 'yaml');
    expect(y.code).toBe(0);
    expect(y.out).toBe(SCENE.replace('replicas: 2', 'replicas: 5'));
  });
  it('each file keeps its documents; the edited scene prints every file, joined by ---', async () => {
    const a = tmp.file(SCENE);
    const b = tmp.file(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n    - name: c\n      image: x\n',
    );
    const r = await run('-f', a, '-f', b, 'expose', 'deploy/web', '--port=80', '-o', 'yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('replicas: 2\n');
    expect(r.out).toMatch(
      /kind: Service\nmetadata:\n {2}name: web\nspec:\n {2}ports:\n {4}- port: 80\n {6}protocol: TCP\n {6}targetPort: 80\n {2}selector:\n {4}app: web\n---\napiVersion: v1\nkind: Pod/,
    );
  });
  it('kubectl’s errors exit 1 and print nothing on standard output', async () => {
    const r = await run('-f', tmp.file(SCENE), 'scale', 'deployment', 'nope', '--replicas=1', '-o', 'yaml');
    expect(r).toEqual({
      code: 1,
      out: '',
      err: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
  });
});

describe('svclab --at', () => {
  it('runs a command at an instant of the scene’s Timeline', async () => {
    const f = tmp.file(
      `${SCENE}---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nevents:\n  - { at: 10s, fault: NodeStopped, node: node-2 }\n`,
    );
    const before = await run('-f', f, '--at', '59s', 'get', 'nodes');
    expect(before.out).toMatch(/^node-2 +Ready /m);
    const after = await run('-f', f, '--at', '1m', 'get', 'nodes');
    expect(after.out).toMatch(/^node-2 +NotReady /m);
    expect((await run('-f', f, '--at', 'soon', 'get', 'nodes')).code).toBe(2);
  });
});
