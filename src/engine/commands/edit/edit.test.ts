import { describe, expect, it } from 'vitest';
import { scene } from '../../testing/scene';
import { runCommand } from '../run';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2 # two to start
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: agnhost
          args: ['netexec', '--http-port=8080']
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: client
      image: dnsutils
`;

/** Runs a line on the scene, then builds the edited text and runs `check` there. */
function edit(line: string, yaml = WEB) {
  const s = scene(yaml);
  const r = s.run(line);
  const text = r.sources?.[0]?.text;
  return { r, text, after: text !== undefined ? scene(text) : undefined };
}

describe('scale', () => {
  it('sets spec.replicas in the text, keeps the comment, and prints kubectl’s line', () => {
    const { r, text, after } = edit('kubectl scale deployment web --replicas=5');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'deployment.apps/web scaled\n', stderr: '' });
    expect(text).toContain('  replicas: 5 # two to start\n');
    // Only that line changed.
    const diff = text!.split('\n').filter((l, i) => l !== WEB.split('\n')[i]);
    expect(diff).toEqual(['  replicas: 5 # two to start']);
    expect(after!.env.cluster.pods.filter((p) => p.metadata.name?.startsWith('web-'))).toHaveLength(5);
  });
  it('takes TYPE/NAME and --replicas N, and refuses a missing or negative count as kubectl does', () => {
    expect(edit('scale deploy/web --replicas 0').r.stdout).toBe('deployment.apps/web scaled\n');
    expect(edit('scale deploy/web').r.stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(edit('scale deploy/web --replicas=-1').r.exitCode).toBe(1);
  });
  it('checks --current-replicas', () => {
    expect(edit('scale deploy/web --current-replicas=3 --replicas=4').r.stderr).toBe(
      'error: Expected replicas to be 3, was 2\n',
    );
    expect(edit('scale deploy/web --current-replicas=2 --replicas=4').r.exitCode).toBe(0);
  });
  it('says NotFound, an unknown type, and a controller-made object with no text', () => {
    expect(edit('scale deployment nope --replicas=1').r.stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(edit('scale foo web --replicas=1').r.stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
    const rs = scene(WEB).env.cluster.replicaSets.find((x) => x.metadata.name!.startsWith('web-'))!.metadata
      .name!;
    const r = edit(`scale rs ${rs} --replicas=1`).r;
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('was made by Deployment default/web');
    expect(r.sources).toBeUndefined();
  });
  it('prints the whole edited scene with -o yaml', () => {
    const { r } = edit('scale deployment web --replicas=3 -o yaml');
    expect(r.stdout).toContain('replicas: 3');
    expect(r.stdout).toContain('kind: Service');
    expect(r.stdout).toContain('name: client');
  });
});

describe('label and annotate', () => {
  it('adds, refuses an overwrite without --overwrite, overwrites with it, and removes', () => {
    const add = edit('label pod client tier=front');
    expect(add.r.stdout).toBe('pod/client labeled\n');
    expect(add.after!.env.cluster.pods.find((p) => p.metadata.name === 'client')!.metadata.labels).toEqual({
      tier: 'front',
    });
    expect(edit('label deploy web app=api').r.stderr).toBe(
      "error: 'app' already has a value (web), and --overwrite is false\n",
    );
    expect(edit('label deploy web app=api --overwrite').r.stdout).toBe('deployment.apps/web labeled\n');
    const rm = edit('label svc web nope- ');
    expect(rm.r.stdout).toBe('label "nope" not found.\nservice/web not labeled\n');
    const un = edit('label deploy web app-');
    expect(un.r.stdout).toBe('deployment.apps/web unlabeled\n');
    expect(un.text).not.toMatch(/^ {2}labels:/m);
  });
  it('quotes a value YAML would read as another type', () => {
    const { text, after } = edit('label pod client canary=true');
    expect(text).toMatch(/canary: "true"|canary: 'true'/);
    expect(after!.env.cluster.pods.find((p) => p.metadata.name === 'client')!.metadata.labels).toEqual({
      canary: 'true',
    });
  });
  it('says what kubectl says about bad label specs', () => {
    expect(edit('label pod client').r.stderr).toBe('error: at least one label update is required\n');
    expect(edit('label pod client a=b=c').r.stderr).toBe('error: invalid label spec: a=b=c\n');
    expect(edit('label pod client a=b a-').r.stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(edit('label pod client a=-x-').r.stderr).toMatch(/^error: invalid label value: "a=-x-": /);
  });
  it('refuses a key the API server refuses, with its words, and keeps the text', () => {
    const r = edit('label pod client bad/key/x=1').r;
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The Pod "client" is invalid: metadata.labels: Invalid value: "bad\/key\/x"/);
    expect(r.sources).toBeUndefined();
  });
  it('annotates, values may hold =', () => {
    const { r, after } = edit('annotate svc web note=a=b');
    expect(r.stdout).toBe('service/web annotated\n');
    expect(after!.env.cluster.services.find((s) => s.metadata.name === 'web')!.metadata.annotations).toEqual({
      note: 'a=b',
    });
    expect(edit('annotate svc web').r.stderr).toBe('error: at least one annotation update is required\n');
  });
});

describe('delete', () => {
  it('removes the document of a pod written in the scene', () => {
    const { r, text, after } = edit('delete pod client');
    expect(r.stdout).toBe('pod "client" deleted from default namespace\n');
    expect(text).not.toContain('name: client');
    expect(text!.endsWith('targetPort: 8080\n')).toBe(true);
    expect(after!.env.cluster.pods.some((p) => p.metadata.name === 'client')).toBe(false);
  });
  it('deletes several, force-deletes with kubectl’s warning, and reports NotFound', () => {
    expect(edit('delete svc/web pod/client').r.stdout).toBe(
      'service "web" deleted from default namespace\npod "client" deleted from default namespace\n',
    );
    const f = edit('delete pod client --grace-period=0 --force').r;
    expect(f.stdout).toBe('pod "client" force deleted from default namespace\n');
    expect(f.stderr).toMatch(/^Warning: Immediate deletion does not wait/);
    expect(edit('delete pod nope').r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
  it('reads TYPE/NAME and TYPE,TYPE NAME as get does, and refuses the forms mixed', () => {
    expect(edit('delete svc,deploy web').r.stdout).toBe(
      'service "web" deleted from default namespace\ndeployment.apps "web" deleted from default namespace\n',
    );
    const mixed = edit('delete svc svc/web').r;
    expect([mixed.exitCode, mixed.stdout]).toEqual([1, '']);
    expect(mixed.stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    expect(edit('delete svc/web/x').r.stderr).toBe(
      'error: arguments in resource/name form may not have more than one slash\n',
    );
    expect(edit('scale deploy/web/x --replicas=1').r.stderr).toBe(
      'error: arguments in resource/name form may not have more than one slash\n',
    );
  });
});

describe('set selector, patch, rollout restart, expose', () => {
  it('set selector replaces a Service’s selector', () => {
    const { r, after } = edit('set selector svc web app=other');
    expect(r.stdout).toBe('service/web selector updated\n');
    expect(after!.env.cluster.services.find((s) => s.metadata.name === 'web')!.spec.selector).toEqual({
      app: 'other',
    });
    expect(edit('set selector deploy web app=x').r.stderr).toBe(
      'error: setting a selector is only supported for Services\n',
    );
  });
  it('patch applies a merge patch key by key; null deletes; no change says so', () => {
    const { r, text, after } = edit(
      `patch svc web -p '{"spec":{"type":"NodePort","ports":[{"port":80,"targetPort":8080,"nodePort":30080}]}}' --type merge`,
    );
    expect(r.stdout).toBe('service/web patched\n');
    expect(text).toContain('type: NodePort');
    expect(after!.env.cluster.services.find((s) => s.metadata.name === 'web')!.spec.ports![0]!.nodePort).toBe(
      30080,
    );
    expect(edit(`patch deploy web -p '{"spec":{"replicas":2}}'`).r.stdout).toBe(
      'deployment.apps/web patched (no change)\n',
    );
    const del = edit(`patch deploy web --type=merge -p '{"metadata":{"labels":null}}'`);
    expect(
      del.after!.env.cluster.deployments.find((d) => d.metadata.name === 'web')!.metadata.labels,
    ).toBeUndefined();
  });
  it('patch refuses what the API server refuses, and strategic lists svclab does not merge', () => {
    const bad = edit(`patch deploy web -p '{"spec":{"replicas":-1}}'`).r;
    expect(bad.stderr).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(edit(`patch svc web -p '{"spec":{"ports":[]}}'`).r.stderr).toMatch(
      /^svclab: this strategic merge patch has lists/,
    );
    expect(edit('patch svc web').r.stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
  });
  it('rollout restart writes restartedAt with the simulated clock; a second one within the second is refused', () => {
    const s = scene(WEB);
    const r = s.run('rollout restart deployment/web');
    expect(r.stdout).toBe('deployment.apps/web restarted\n');
    expect(r.sources![0]!.text).toContain('kubectl.kubernetes.io/restartedAt: "2026-01-01T00:00:00Z"');
    const again = scene(r.sources![0]!.text).run('rollout restart deployment/web');
    expect(again.stderr).toMatch(
      /^error: failed to create patch for web: if restart has already been triggered/,
    );
  });
  it('expose writes kubectl’s Service for a Deployment', () => {
    const yaml = WEB.replace(/---\napiVersion: v1\nkind: Service[\s\S]*?---\n/, '---\n');
    const { r, after } = edit('expose deployment web --port=80 --target-port=8080 --type=NodePort', yaml);
    expect(r.stdout).toBe('service/web exposed\n');
    const svc = after!.env.cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' } });
    expect(svc.spec.ports![0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(edit('expose deployment web --port=80').r.stderr).toBe(
      'Error from server (AlreadyExists): services "web" already exists\n',
    );
    expect(edit('expose node node-1').r.stderr).toBe('error: cannot expose a Node\n');
    const introspect = edit('expose deployment web --name=web2', yaml);
    expect(
      introspect.after!.env.cluster.services.find((s) => s.metadata.name === 'web2')!.spec.ports![0],
    ).toMatchObject({ port: 8080, targetPort: 8080 });
  });
});

describe('cordon, uncordon, drain', () => {
  it('writes the default nodes first, then cordons one', () => {
    const { r, text, after } = edit('cordon node-1');
    expect(r.stdout).toBe('node/node-1 cordoned\n');
    expect(r.stderr).toContain('default nodes (node-1, node-2, node-3) were written');
    expect(text).toContain('kind: Node');
    expect(after!.env.cluster.nodes.map((n) => [n.metadata.name, Boolean(n.spec?.unschedulable)])).toEqual([
      ['node-1', true],
      ['node-2', false],
      ['node-3', false],
    ]);
    // The written nodes are the defaults: addresses and pod CIDRs did not change.
    const before = scene(WEB).env.cluster.nodes;
    expect(after!.env.cluster.nodes.map((n) => n.status)).toEqual(before.map((n) => n.status));
    expect(scene(text!).run('cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(scene(text!).run('uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(edit('cordon node-9').r.stderr).toBe('Error from server (NotFound): nodes "node-9" not found\n');
  });
  it('drain stops at a pod that declares no controller, as kubectl does, but leaves the node cordoned', () => {
    const s = scene(WEB);
    const node = s.env.cluster.pods.find((p) => p.metadata.name === 'client')!.spec.nodeName!;
    // kubeadm's kube-proxy DaemonSet has a pod on every node: without --ignore-daemonsets kubectl refuses it too.
    const proxy = s.env.cluster.pods.find(
      (p) => p.spec.nodeName === node && p.metadata.name!.startsWith('kube-proxy-'),
    )!.metadata.name!;
    const r = s.run(`drain ${node}`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`node/${node} cordoned\n`);
    expect(r.stderr).toContain(
      `error: unable to drain node "${node}" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}, cannot delete Pods that declare no controller (use --force to override): default/client], continuing command...\nThere are pending nodes to be drained:\n ${node}\n`,
    );
    expect(r.sources![0]!.text).toContain('unschedulable: true');
  });
  it('drain --force evicts every pod, removes the bare pod and the rebuilt scene schedules the rest elsewhere', () => {
    const s = scene(WEB);
    const node = s.env.cluster.pods.find((p) => p.metadata.name === 'client')!.spec.nodeName!;
    const r = s.run(`drain ${node} --force --ignore-daemonsets`);
    expect(r.exitCode).toBe(0);
    // kubectl joins its warnings with "; " (pkg/drain podDeleteList.Warnings).
    expect(r.stderr).toMatch(
      /Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w+; deleting Pods that declare no controller: default\/client\n/,
    );
    expect(r.stdout).toMatch(new RegExp(`^node/${node} cordoned\nevicting pod `));
    expect(r.stdout).toContain('evicting pod default/client\n');
    expect(r.stdout.endsWith(`node/${node} drained\n`)).toBe(true);
    const after = scene(r.sources![0]!.text);
    // Only the DaemonSet's pod stays (it tolerates node.kubernetes.io/unschedulable): kube-proxy.
    expect(
      after.env.cluster.pods
        .filter((p) => p.spec.nodeName === node)
        .map((p) => p.metadata.name!.slice(0, 11)),
    ).toEqual(['kube-proxy-']);
    expect(after.env.cluster.pods.some((p) => p.metadata.name === 'client')).toBe(false);
  });
});

describe('without a scene', () => {
  it('refuses to edit and says why (en, ko)', () => {
    const s = scene(WEB);
    const { sources: _, ...env } = s.env;
    const r = runCommand('scale deployment web --replicas=1', env);
    expect(r).toMatchObject({ exitCode: 1, stdout: '' });
    expect(r.stderr).toMatch(/^svclab: this command edits the scene/);
    expect(runCommand('cordon node-1', { ...env, lang: 'ko' }).stderr).toMatch(
      /^svclab: 이 명령은 장면의 YAML/,
    );
  });
});
