/**
 * The CLI contract (docs/cli-contract.md), driven in-process through main(argv): exit statuses, -f
 * (repeatable, `-` for standard input), multi-document files and `kind: List`, --seed determinism, and
 * the JSON fields outside checks read, for every command.
 */
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { run, tempDir } from './cli.test-helper';
import { main } from './main';

const { file } = tempDir('svclab-cli-');

// Document order is creation order, and the file is one kubectl apply: `early` comes before Service
// `cache`, but its container starts after the whole apply, so it sees `cache` as `late` does.
const SCENE = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: agnhost, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: early }
spec: { containers: [{ name: shell, image: busybox }] }
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: cache }
    spec:
      selector: { app: cache }
      ports: [{ name: redis, port: 6379 }]
  - apiVersion: v1
    kind: Pod
    metadata: { name: late }
    spec: { containers: [{ name: shell, image: busybox }] }
`;

const NODEPORT = `apiVersion: v1
kind: Service
metadata: { name: np }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]
`;

const scene = file(SCENE);

/** A usage error: exactly a one-line reason and the pointer to --help, nothing on stdout. */
function expectUsage(r: { code: number; out: string; err: string }, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(reason);
  expect(lines[1]).toBe("See 'svclab --help'.");
  expect(lines[2]).toBe('');
}

// ---- the contract's enumerations ----
const OUTCOMES = ['delivered', 'refused', 'timeout', 'dropped', 'rejected', 'dns-failure', 'unreachable'];
const STAGES = ['client', 'dns', 'cloud-lb', 'node', 'kube-proxy', 'ingress-controller', 'network', 'pod'];
const LOCATION = /^(external|lb\/[a-z0-9-]+\/[a-z0-9.-]+|node\/[a-z0-9.-]+|pod\/[a-z0-9-]+\/[a-z0-9.-]+)$/;
const ENDPOINT = /^\d+\.\d+\.\d+\.\d+(:\d+)?$/;

// Fields outside the contract that svclab adds on purpose (trace.ts documents each). A new field must be
// added here deliberately, so the JSON never drifts from the contract unnoticed.
const TRACE_KEYS = ['outcome', 'explanation', 'response', 'backend', 'sourceSeenByBackend', 'hops'];
const TRACE_EXTRA = ['clientError', 'explanationMsg'];
const HOP_KEYS = ['stage', 'location', 'action', 'packet', 'rule', 'candidates', 'note'];
const HOP_EXTRA = ['ruleRef', 'crossZone', 'direction', 'phase', 'noteMsg', 'rewrite'];
const CANDIDATE_KEYS = ['endpoint', 'probability', 'pod'];
const CANDIDATE_EXTRA = ['state', 'node', 'chosen', 'health', 'healthMsg'];
const DNS_KEYS = ['rcode', 'queries', 'answer', 'additional'];
// hops: the queries' path through kube-proxy's rules to a CoreDNS pod (the 'dns' phase of a trace).
const DNS_EXTRA = ['authority', 'server', 'explanation', 'explanationMsg', 'hops'];
const DIAG_KEYS = [
  'severity',
  'source',
  'code',
  'kind',
  'namespace',
  'name',
  'field',
  'message',
  'line',
  'column',
];
const DIAG_EXTRA = ['endLine', 'endColumn', 'file', 'hint', 'hintMsg', 'messageMsg', 'meaning', 'meaningMsg'];

function expectKeys(o: object, required: string[], optional: string[], extra: string[]): void {
  const keys = Object.keys(o);
  for (const k of required) expect(keys, `missing "${k}"`).toContain(k);
  for (const k of keys) expect([...required, ...optional, ...extra], `unexpected "${k}"`).toContain(k);
}

type Json = Record<string, unknown>;

/** Checks one trace against the contract's curl JSON shape; returns it typed loosely for more checks. */
function expectTrace(t: Json): void {
  expectKeys(t, TRACE_KEYS, [], TRACE_EXTRA);
  expect(OUTCOMES).toContain(t.outcome);
  expect(typeof t.explanation).toBe('string');
  expect((t.explanation as string).length).toBeGreaterThan(10);
  if (t.response !== null) {
    const r = t.response as Json;
    expect(typeof r.status).toBe('number');
    expect(typeof r.body).toBe('string');
  }
  if (t.backend !== null) {
    const b = t.backend as Json;
    expectKeys(b, ['pod', 'ip', 'port', 'service'], [], []);
    expect(b.pod).toMatch(/^[a-z0-9-]+\/[a-z0-9.-]+$/);
    expect(b.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(typeof b.port).toBe('number');
    expect(b.service === null || /^[a-z0-9-]+\/[a-z0-9-]+$/.test(b.service as string)).toBe(true);
  }
  if (t.sourceSeenByBackend !== null) expect(t.sourceSeenByBackend).toMatch(ENDPOINT);
  expect(Array.isArray(t.hops)).toBe(true);
  for (const h of t.hops as Json[]) {
    expectKeys(h, HOP_KEYS.slice(0, 4), HOP_KEYS.slice(4), HOP_EXTRA);
    expect(STAGES).toContain(h.stage);
    expect(h.location).toMatch(LOCATION);
    expect(['send', 'forward', 'dnat', 'snat', 'deliver', 'drop', 'reject', 'respond']).toContain(h.action);
    const p = h.packet as Json;
    expectKeys(p, ['src', 'dst', 'protocol'], [], []);
    expect(p.src).toMatch(ENDPOINT);
    expect(p.dst).toMatch(ENDPOINT);
    expect(['TCP', 'UDP', 'SCTP', 'ICMP']).toContain(p.protocol);
    if (h.rewrite !== undefined)
      expect(['new', 'reply', 'proxy', 'dnat', 'snat', 'dnat+snat', 'un-nat', 'none']).toContain(h.rewrite);
    if (h.rule !== undefined) expect(typeof h.rule).toBe('string');
    if (h.note !== undefined) expect(typeof h.note).toBe('string');
    for (const c of (h.candidates as Json[] | undefined) ?? []) {
      expectKeys(c, ['endpoint'], CANDIDATE_KEYS, CANDIDATE_EXTRA);
      expect(c.endpoint).toMatch(ENDPOINT);
      if (c.probability !== undefined) expect(c.probability).toBeGreaterThan(0);
    }
  }
}

describe('exit statuses and usage errors', () => {
  it('without injected writers, main writes to process.stdout and process.stderr', async () => {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      out += String(c);
      return true;
    });
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      err += String(c);
      return true;
    });
    try {
      expect(await main(['-f', scene, 'get', 'svc', 'web'])).toBe(0);
      expect(await main(['frobnicate'])).toBe(2);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    expect(out).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nweb +ClusterIP +10\./);
    expect(err).toBe(`svclab: unknown command "frobnicate"\nSee 'svclab --help'.\n`);
  });

  it('--help prints the help on stdout and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^svclab — what would Kubernetes do with these manifests\?\n/);
    expect(r.out).toContain(
      'exit status: 0 success; 1 the command ran and reports a failure; 2 usage error.',
    );
    expect(r.err).toBe('');
  });

  it('usage errors print one line and point to --help (exit 2)', async () => {
    expectUsage(await run(), /^svclab: no command given/);
    expectUsage(await run('-f', scene, 'frobnicate'), /^svclab: unknown command "frobnicate"$/);
    expectUsage(await run('-f', scene, 'get', 'pods', '--bogus'), /^svclab get: unknown flag: --bogus$/);
    expectUsage(await run('-f'), /^svclab: flag needs an argument: -f$/);
    expectUsage(await run('--seed', 'x', 'get', 'svc'), /^svclab: --seed takes a whole number/);
    expectUsage(await run('-f', scene, 'exec', 'early', 'env'), /^svclab exec: put the command after --/);
    expectUsage(await run('-f', scene, 'curl', '-m', 'abc', 'http://web/'), /option -m: expected a proper/);
  });

  it('a command that runs and fails exits 1; success exits 0', async () => {
    const bad = file(NODEPORT.replace('30080', '80'));
    const v = await run('-f', bad, 'validate');
    expect(v.code).toBe(1);
    expect(v.err).toBe(
      'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect((await run('-f', scene, 'validate')).code).toBe(0);
    const miss = await run('-f', scene, 'exec', 'nope', '--', 'env');
    expect(miss).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' });
    const refused = await run('-f', scene, 'exec', 'early', '--', 'curl', '-s', 'http://cache:6379/');
    expect(refused.code).toBe(1);
  });

  it('other commands run without rejected objects, say so on stderr and exit 1', async () => {
    const bad = file(`${SCENE}---\n${NODEPORT.replace('30080', '80')}`);
    const r = await run('-f', bad, 'get', 'svc');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^NAME +TYPE/);
    expect(r.out).not.toContain('np ');
    expect(r.err).toContain('The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80');
    expect(r.err).toContain("the command ran without them (see 'svclab validate')");
  });
});

describe('manifests: -f, stdin, multi-document files, kind: List', () => {
  it('-f is repeatable; document order across files is creation order', async () => {
    const a = file(NODEPORT);
    const r = await run('-f', scene, '-f', a, 'get', 'svc', '-o', 'json');
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.out) as { items: { metadata: { name: string } }[] }).items.map(
      (s) => s.metadata.name,
    );
    expect(names).toEqual(expect.arrayContaining(['web', 'cache', 'np', 'kubernetes']));
  });

  it('-f - reads standard input (here a temp file descriptor)', async () => {
    const fd = openSync(file(NODEPORT), 'r');
    try {
      let out = '';
      const code = await main(['-f', '-', 'get', 'svc', 'np'], { stdinFd: fd, stdout: (t) => (out += t) });
      expect(code).toBe(0);
      expect(out).toMatch(
        /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nnp +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:30080\/TCP +0s\n$/,
      );
    } finally {
      closeSync(fd);
    }
  });

  it('multi-document files and kind: List items are all applied, in order', async () => {
    const r = await run('-f', scene, 'get', 'pods', '-o', 'json');
    const pods = (JSON.parse(r.out) as { items: { metadata: { name: string } }[] }).items.map(
      (p) => p.metadata.name,
    );
    expect(pods).toEqual(expect.arrayContaining(['early', 'late']));
    expect(pods.filter((p) => p.startsWith('web-'))).toHaveLength(3);
    // One apply: every object exists before any container starts, whatever the document order.
    const early = JSON.parse((await run('-f', scene, 'exec', 'early', '--', 'env', '-o', 'json')).out);
    const late = JSON.parse((await run('-f', scene, 'exec', 'late', '--', 'env', '-o', 'json')).out);
    expect(early.env.WEB_SERVICE_PORT_HTTP).toBe('80');
    expect(early.env.CACHE_SERVICE_PORT_REDIS).toBe('6379');
    expect(late.env.CACHE_SERVICE_PORT_REDIS).toBe('6379');
  });

  it('each -f FILE is one apply, in order: a Service of a later file is missing from earlier pods', async () => {
    const later = file(
      'apiVersion: v1\nkind: Service\nmetadata: { name: db }\nspec: { ports: [{ port: 5432 }] }\n',
    );
    const early = JSON.parse(
      (await run('-f', scene, '-f', later, 'exec', 'early', '--', 'env', '-o', 'json')).out,
    );
    expect(early.env.CACHE_SERVICE_HOST).toBeDefined();
    expect(early.env.DB_SERVICE_HOST).toBeUndefined();
    const first = JSON.parse(
      (await run('-f', later, '-f', scene, 'exec', 'early', '--', 'env', '-o', 'json')).out,
    );
    expect(first.env.DB_SERVICE_PORT).toBe('5432');
  });
});

describe('--seed', () => {
  it('the same input and seed give the same output; another seed other allocations', async () => {
    const a = await run('-f', scene, '--seed', '7', 'get', 'svc,ep,pods', '-o', 'json');
    const b = await run('--seed=7', '-f', scene, 'get', 'svc,ep,pods', '-o', 'json');
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    const c = await run('-f', scene, '--seed', '8', 'get', 'svc', 'web', '-o', 'json');
    const ipA = JSON.parse(a.out).items.find((s: Json) => (s.metadata as Json).name === 'web').spec.clusterIP;
    expect(JSON.parse(c.out).items[0].spec.clusterIP).not.toBe(ipA);
    const cur = (seed: string) =>
      run('-f', scene, '--seed', seed, 'curl', '--from', 'pod/early', '--count', '60', 'http://web/');
    const d1 = await cur('3');
    const d2 = await cur('3');
    expect(d1.out).toBe(d2.out);
    expect(d1.out).toMatch(/^BACKEND +NODE +ZONE +REQUESTS +PERCENT +EXPECTED\n/);
    expect((await cur('4')).out).not.toBe(d1.out);
  });

  it('the default seed is 1', async () => {
    const a = await run('-f', scene, 'get', 'svc', '-o', 'json');
    const b = await run('-f', scene, '--seed', '1', 'get', 'svc', '-o', 'json');
    expect(a.out).toBe(b.out);
  });
});

describe('-o json shapes (docs/cli-contract.md)', () => {
  it('validate: { diagnostics: [...] } with the contract fields', async () => {
    const bad = file(NODEPORT.replace('30080', '80'));
    const r = await run('-f', bad, 'validate', '-o', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['diagnostics']);
    const d = j.diagnostics.find((x: Json) => x.severity === 'error');
    expectKeys(d, DIAG_KEYS, [], DIAG_EXTRA);
    expect(d).toMatchObject({
      severity: 'error',
      source: 'api',
      kind: 'Service',
      namespace: 'default',
      name: 'np',
      field: 'spec.ports[0].nodePort',
      message:
        'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      line: 7,
    });
    for (const x of j.diagnostics) {
      expect(['error', 'warning', 'info']).toContain(x.severity);
      expect(['yaml', 'schema', 'api', 'lint']).toContain(x.source);
    }
  });

  it('get: a v1 List of Kubernetes objects', async () => {
    const j = JSON.parse((await run('-f', scene, 'get', 'endpointslices', '-o', 'json')).out);
    expect(Object.keys(j).sort()).toEqual(['apiVersion', 'items', 'kind', 'metadata']);
    expect(j.metadata).toEqual({ resourceVersion: '' }); // as kubectl prints a List
    expect(j.apiVersion).toBe('v1');
    expect(j.kind).toBe('List');
    const slice = j.items.find(
      (s: Json) =>
        (s.metadata as Json).labels &&
        (s.metadata as { labels: Json }).labels['kubernetes.io/service-name'] === 'web',
    );
    expect(slice.apiVersion).toBe('discovery.k8s.io/v1');
    expect(slice.kind).toBe('EndpointSlice');
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints).toHaveLength(3);
  });

  it("exec POD -- env -o json: { env: {...} } (and each variable's source)", async () => {
    const j = JSON.parse((await run('-f', scene, 'exec', 'late', '--', 'env', '-o', 'json')).out);
    expect(Object.keys(j)).toEqual(['env', 'sources']);
    expect(j.sources).toMatchObject({ PATH: 'runtime', CACHE_SERVICE_PORT: 'service' });
    expect(j.env).toMatchObject({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      CACHE_SERVICE_PORT: '6379',
      CACHE_PORT_6379_TCP_PROTO: 'tcp',
    });
    for (const v of Object.values(j.env)) expect(typeof v).toBe('string');
  });

  it('dig and nslookup: { rcode, queries, answer[{name,ttl,type,data}], additional }', async () => {
    for (const cmd of [
      ['nslookup', 'web'],
      ['dig', 'web.default.svc.cluster.local'],
    ]) {
      const r = await run('-f', scene, 'exec', 'early', '--', ...cmd, '-o', 'json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expectKeys(j, DNS_KEYS, [], DNS_EXTRA);
      expect(j.rcode).toBe('NOERROR');
      expect(j.queries).toEqual(['web.default.svc.cluster.local.']);
      expect(j.answer).toHaveLength(1);
      expectKeys(j.answer[0], ['name', 'ttl', 'type', 'data'], [], []);
      expect(j.answer[0]).toMatchObject({ name: 'web.default.svc.cluster.local.', type: 'A' });
      expect(j.answer[0].data).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
      expect(j.additional).toEqual([]);
    }
    const nx = await run('-f', scene, 'exec', 'early', '--', 'nslookup', 'nope', '-o', 'json');
    expect(nx.code).toBe(1);
    expect(JSON.parse(nx.out)).toMatchObject({
      rcode: 'NXDOMAIN',
      queries: ['nope.default.svc.cluster.local.', 'nope.svc.cluster.local.', 'nope.cluster.local.', 'nope.'],
      answer: [],
    });
  });

  it('curl: the trace shape, within the contract enumerations and location forms', async () => {
    const r = await run('-f', scene, 'curl', '--from', 'pod/early', 'http://web/', '-o', 'json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expectTrace(t);
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(200);
    expect(t.response.body).toMatch(/^You've hit web-[a-z0-9]+-[a-z0-9]{5}\n/);
    expect(t.backend.service).toBe('default/web');
    expect(t.backend.port).toBe(8080);
    const lb = t.hops.find((h: Json) => h.stage === 'kube-proxy' && h.action === 'dnat' && h.phase !== 'dns');
    expect(lb.candidates).toHaveLength(3);
    expect(lb.candidates.map((c: Json) => c.probability)).toEqual(
      [1 / 3, 1 / 3, 1 / 3].map((p) => expect.closeTo(p, 9)),
    );
    expect(lb.packet.dst).toBe(`${t.backend.ip}:8080`);
  });

  it('curl --count N: { results: [...N traces] }', async () => {
    const r = await run(
      '-f',
      scene,
      'curl',
      '--from',
      'pod/early',
      '--count',
      '5',
      '-o',
      'json',
      'http://web/',
    );
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['results']);
    expect(j.results).toHaveLength(5);
    for (const t of j.results) expectTrace(t);
  });

  it('failures keep the shape: backend null, outcome from the enumeration', async () => {
    const np = file(NODEPORT.replace('ports:', 'externalTrafficPolicy: Local\n  ports:'));
    const r = await run(
      '-f',
      np,
      'curl',
      '--from',
      'external',
      '-m',
      '2',
      '-o',
      'json',
      'http://192.168.49.2:30080/',
    );
    expect(r.code).toBe(1);
    const t = JSON.parse(r.out);
    expectTrace(t);
    expect(t.outcome).toBe('rejected'); // kube-proxy's REJECT: no endpoints
    expect(t.backend).toBeNull();
  });

  it('ping: the same shape with protocol ICMP', async () => {
    const r = await run('-f', scene, 'exec', 'early', '--', 'ping', '-c', '1', 'web', '-o', 'json');
    expect(r.code).toBe(1);
    const t = JSON.parse(r.out);
    expectTrace(t);
    const icmp = (t.hops as Json[]).filter((h) => h.phase !== 'dns');
    expect(icmp.length).toBeGreaterThan(0);
    for (const h of icmp) expect((h.packet as Json).protocol).toBe('ICMP');
    const two = JSON.parse(
      (await run('-f', scene, 'exec', 'early', '--', 'ping', '-c', '2', 'web', '-o', 'json')).out,
    );
    expect(two.results).toHaveLength(2);
  });
});

describe('-o json on every command', () => {
  it('each command prints one JSON document on stdout', async () => {
    const lines = [
      ['validate'],
      ['get', 'pods,svc,ep,endpointslices,nodes'],
      ['exec', 'early', '--', 'env'],
      ['exec', 'early', '--', 'cat', '/etc/resolv.conf'],
      ['exec', 'early', '--', 'nslookup', 'web'],
      ['exec', 'early', '--', 'dig', '+short', 'web.default.svc.cluster.local'],
      ['exec', 'early', '--', 'dig', '-x', '10.96.0.1'],
      ['exec', 'early', '--', 'curl', '-s', 'http://web/'],
      ['exec', 'early', '--', 'ping', '-c', '1', 'web'],
      ['curl', '--from', 'node/node-1', 'http://web.default.svc.cluster.local/'],
      ['ping', '--from', 'external', '-c', '1', '10.96.0.1'],
      ['node', 'node-1', '--', 'iptables-save'],
      ['node', 'node-1', '--', 'conntrack', '-L'],
    ];
    for (const line of lines) {
      const r = await run('-f', scene, ...line, '-o', 'json');
      expect([0, 1], line.join(' ')).toContain(r.code);
      expect(() => JSON.parse(r.out), line.join(' ')).not.toThrow();
      expect(typeof JSON.parse(r.out), line.join(' ')).toBe('object');
    }
    const cat = JSON.parse(
      (await run('-f', scene, 'exec', 'early', '--', 'cat', '/etc/resolv.conf', '-o', 'json')).out,
    );
    expect(cat).toEqual({
      files: {
        '/etc/resolv.conf':
          'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      },
    });
  });
});

describe('curl flags versus the global flags', () => {
  it('after `curl`, -f is curl --fail, not a manifest', async () => {
    const r = await run('-f', scene, 'curl', '--from', 'pod/early', '-f', '-s', 'http://web/nope');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^You've hit web-/);
  });
});
