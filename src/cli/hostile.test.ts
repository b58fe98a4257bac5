/**
 * Hostile input through the CLI: nothing may throw or hang; each case gets a clear message and the
 * contract's exit status (1: the command ran and failed; 2: usage error, one line + pointer to --help).
 */
import { mkdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCurlArgs } from '../engine/commands/curl-args';
import { run, tempDir } from './cli.test-helper';

const { dir, file: write } = tempDir('svclab-hostile-');
const file = (name: string, content: string | Buffer): string => write(content, name);

function usage(r: { code: number; out: string; err: string }, line: string): void {
  expect(r).toEqual({ code: 2, out: '', err: `${line}\nSee 'svclab --help'.\n` });
}

const SCENE = file(
  'scene.yaml',
  `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web-0, labels: { app: web } }
spec: { containers: [{ name: c, image: agnhost, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`,
);

describe('hostile manifests', () => {
  it('malformed YAML: kubectl-style parse errors with line and column, exit 1 (validate and any other command)', async () => {
    const f = file('malformed.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [x\n  bad: : :\n');
    const v = await run('-f', f, 'validate');
    expect(v.code).toBe(1);
    expect(v.err.split('\n')[0]).toMatch(
      new RegExp(`^error: error parsing ${f}: line \\d+, column \\d+: .+`),
    );
    const g = await run('-f', f, 'get', 'svc');
    expect(g.code).toBe(1);
    expect(g.out).toMatch(/^NAME +TYPE/); // the rest of the cluster is still there
    expect(g.err).toContain(`error: error parsing ${f}: line`);
  });

  it('replicas: 2147483647 (a valid int32): a limit with line, field and hint, and the scene runs with 2,000 pods', async () => {
    const f = file(
      'replicas.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 2147483647\n' +
        '  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n' +
        '    spec: {containers: [{name: c, image: nginx}]}\n',
    );
    const v = await run('-f', f, 'validate');
    expect(v.code).toBe(1);
    expect(v.err).toContain(
      `error: ${f}:5:3: Deployment default/big: Deployment big asks for 2,147,483,647 replicas; svclab simulates at most 2,000 pods in a scene, so it made 2,000 of them.\n  hint: Set spec.replicas to 2,000 or fewer`,
    );
    const g = await run('-f', f, 'get', 'deployments');
    expect(g.out).toMatch(/^big +\d+\/2147483647 +2000 /m); // as kubectl shows a Deployment short of pods
    expect(g.err).not.toContain('were not applied'); // the limit says what was made; nothing was refused
  }, 60_000);

  it('an alias bomb is refused quickly, not expanded', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const f = file('bomb.yaml', `${lines.join('\n')}\n`);
    const v = await run('-f', f, 'validate');
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/aliases/);
    expect(v.err).toMatch(/billion laughs/);
  });

  it('a 6 MB file: one diagnostic saying the limit, exit 1', async () => {
    const f = file(
      'big.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata: { k: "${'x'.repeat(6 * 1024 * 1024)}" }\n`,
    );
    const v = await run('-f', f, 'validate', '-o', 'json');
    expect(v.code).toBe(1);
    const d = JSON.parse(v.out).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0].message).toBe(`${f} is 6 MiB; svclab reads at most 5 MiB per file`);
  });

  it('a huge file is not even read (sparse 70 MB)', async () => {
    const f = file('huge.yaml', '');
    truncateSync(f, 70 * 1024 * 1024);
    const r = await run('-f', f, 'get', 'pods');
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `svclab: cannot read ${f}: it is 70.0 MiB; svclab reads manifests of at most 5 MiB\n`,
    });
  });

  it('binary junk is refused as not text', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    const f = file('junk.bin', junk);
    expect(await run('-f', f, 'validate')).toEqual({
      code: 1,
      out: '',
      err: `svclab: cannot read ${f}: it is not a text file (it holds NUL bytes); give YAML manifests\n`,
    });
  });

  it('a directory, a missing file', async () => {
    const d = join(dir, 'adir');
    mkdirSync(d);
    expect(await run('-f', d, 'get', 'pods')).toEqual({
      code: 2,
      out: '',
      err: `svclab: cannot read ${d}: is a directory (give the YAML files inside it with -f each)\nSee 'svclab --help'.\n`,
    });
    const missing = join(dir, 'nope.yaml');
    expect(await run('-f', missing, 'get', 'pods')).toEqual({
      code: 2,
      out: '',
      err: `svclab: cannot read ${missing}: no such file or directory\nSee 'svclab --help'.\n`,
    });
  });

  it('documents that are not objects, and text that is not UTF-8, become diagnostics', async () => {
    const f = file('scalars.yaml', '- a\n- b\n---\njust a string\n---\n42\n');
    const v = await run('-f', f, 'validate');
    expect(v.code).toBe(1);
    expect(v.err).toContain(`error: ${f}:1:1: the document is a list, not a Kubernetes object`);
    const latin = file(
      'latin.yaml',
      Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1'),
    );
    const l = await run('-f', latin, 'validate');
    expect(l.code).toBe(1);
    expect(l.err).toMatch(/^The ConfigMap "caf\uFFFD" is invalid: metadata\.name: Invalid value/);
  });

  it('an empty file is an empty cluster', async () => {
    const f = file('empty.yaml', '');
    expect(await run('-f', f, 'get', 'pods')).toEqual({
      code: 0,
      out: '',
      err: 'No resources found in default namespace.\n',
    });
  });
});

describe('hostile command lines', () => {
  it('unknown commands and flags, stdin twice, bad seeds', async () => {
    usage(await run('-f', SCENE, 'launch'), 'svclab: unknown command "launch"');
    usage(await run('-f', SCENE, 'get', 'svc', '--frob'), 'svclab get: unknown flag: --frob');
    usage(
      await run('-f', '-', '-f', '-', 'get', 'svc'),
      'svclab: standard input (-f -) can be read only once',
    );
    usage(
      await run('--seed', '-1', 'get', 'svc'),
      'svclab: --seed takes a whole number from 0 to 4294967295, not "-1"',
    );
    usage(
      await run('--seed', '4294967296', 'get', 'svc'),
      'svclab: --seed takes a whole number from 0 to 4294967295, not "4294967296"',
    );
    usage(
      await run('--seed=1.5', 'get', 'svc'),
      'svclab: --seed takes a whole number from 0 to 4294967295, not "1.5"',
    );
    usage(
      await run('-f', SCENE, 'node', 'node-1', '--', 'rm', '-rf', '/'),
      'svclab node: unknown command "rm -rf /" (use iptables-save, ip6tables-save, ipvsadm -Ln, nft list ruleset or conntrack -L)',
    );
  });

  it('exec into a missing pod or namespace, or a program svclab does not simulate', async () => {
    expect(await run('-f', SCENE, 'exec', 'ghost', '--', 'env')).toEqual({
      code: 1,
      out: '',
      err: 'Error from server (NotFound): pods "ghost" not found\n',
    });
    expect((await run('-f', SCENE, 'exec', 'client', '-n', 'nowhere', '--', 'env')).err).toBe(
      'Error from server (NotFound): pods "client" not found\n',
    );
    const sh = await run('-f', SCENE, 'exec', 'client', '--', 'sh', '-c', 'id');
    expect(sh.code).toBe(1);
    expect(sh.err).toContain('exec: "sh": executable file not found in $PATH');
  });

  it('curl to nonsense URLs: curl 8’s error lines, exit 1', async () => {
    const cases: [string, string][] = [
      ['http://', 'curl: (3) URL rejected: No host part in the URL'],
      ['http://[::1', 'curl: (3) URL rejected: Bad IPv6 address'],
      ['ftp://x', 'curl: (1) Protocol "ftp" not supported (svclab simulates http:// and https://)'],
      [
        'http://web:99999/',
        'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535',
      ],
      ['http://web:8o/', 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535'],
      ['http://we b/', 'curl: (3) URL rejected: Bad hostname'],
      ['http://web/a b', 'curl: (3) URL rejected: Malformed input to a URL function'],
    ];
    for (const [url, line] of cases) {
      expect(await run('-f', SCENE, 'curl', '--from', 'pod/client', url)).toEqual({
        code: 1,
        out: '',
        err: `${line}\n`,
      });
    }
  });

  it('curl from a missing pod is NotFound (1); a malformed source is a usage error (2)', async () => {
    expect(await run('-f', SCENE, 'curl', '--from', 'pod/ghost', 'http://web/')).toEqual({
      code: 1,
      out: '',
      err: 'Error from server (NotFound): pods "ghost" not found\n',
    });
    usage(
      await run('-f', SCENE, 'curl', '--from', 'external:999.1.1.1', 'http://web/'),
      'svclab curl: invalid external client address "999.1.1.1"',
    );
  });

  it('--count and -m are bounded and checked', async () => {
    usage(
      await run('-f', SCENE, 'curl', '--count', '0', 'http://web/'),
      'svclab curl: option --count: expected a whole number of requests from 1 to 10000, not "0"',
    );
    usage(
      await run('-f', SCENE, 'curl', '--count', '100000', 'http://web/'),
      'svclab curl: option --count: svclab sends at most 10000 requests per command (asked for 100000); a distribution settles long before that',
    );
    usage(
      await run('-f', SCENE, 'curl', '--count', '1e3', 'http://web/'),
      'svclab curl: option --count: expected a whole number of requests from 1 to 10000, not "1e3"',
    );
    usage(
      await run('-f', SCENE, 'curl', '-m', 'abc', 'http://web/'),
      'svclab curl: option -m: expected a proper numerical parameter',
    );
    usage(
      await run('-f', SCENE, 'exec', 'client', '--', 'ping', '-c', '0', 'web'),
      'svclab exec: ping: invalid argument for -c: out of range: 1 <= value <= 10000',
    );
    expect(parseCurlArgs(['--count', '10000', 'http://web/'])).toMatchObject({ options: { count: 10000 } });
  });

  it('JavaScript object properties as command names are unknown commands (exit 2), not internal errors', async () => {
    for (const name of ['constructor', '__proto__', 'toString'])
      usage(await run('-f', SCENE, name), `svclab: unknown command "${name}"`);
  });

  it("the CLI's own messages are terminal-safe too (a file name with an escape sequence)", async () => {
    const r = await run('-f', join(dir, 'no\u001b]0;pwned\u0007such.yaml'), 'validate');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `svclab: cannot read ${join(dir, 'no^[]0;pwned^Gsuch.yaml')}: no such file or directory\nSee 'svclab --help'.\n`,
    );
  });
});
