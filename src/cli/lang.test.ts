/**
 * `--lang`: svclab's own sentences (explanations, hop notes, lints, help, summaries) in English by
 * default or in Korean with `--lang ko`, never from the environment's locale; imitated tools' output
 * (curl, kubectl tables) is the same in both.
 */
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const { file } = tempDir('svclab-lang-');

const HANGUL = /[\uac00-\ud7a3]/;

// One pod on node-1 behind a NodePort with externalTrafficPolicy Local: node-2 drops what it receives.
const LOCAL = file(`apiVersion: v1
kind: Service
metadata: { name: echo-local }
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: { app: echo }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: echo, labels: { app: echo } }
spec:
  nodeName: node-1
  containers: [{ name: echo, image: agnhost, ports: [{ containerPort: 8080 }] }]
`);

// A client pod and Service db: "dbb" is a typo one edit away.
const CLIENT = file(`apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  selector: { app: db }
  ports: [{ port: 5432 }]
---
apiVersion: v1
kind: Pod
metadata: { name: db, labels: { app: db } }
spec: { containers: [{ name: db, image: postgres, ports: [{ containerPort: 5432 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: shell, image: busybox }] }
`);

type Json = Record<string, unknown>;
type Described = { id: string; params: Record<string, unknown> };

describe('--lang', () => {
  it('a curl that drops: -o json explains in Korean, each text with its message id and parameters', async () => {
    const url = 'http://192.168.49.3:30080/';
    const r = await run('-f', LOCAL, '--lang', 'ko', 'curl', '--from', 'external', url, '-o', 'json');
    expect(r.code).toBe(1);
    const t = JSON.parse(r.out) as Json;
    expect(t.outcome).toBe('dropped');
    expect(t.explanation).toMatch(HANGUL);
    expect(t.explanation).toContain('default/echo-local 서비스는 externalTrafficPolicy');
    const m = t.explanationMsg as Described;
    expect(m.id).toBe('sim.block.local');
    expect(m.params).toEqual({ service: 'default/echo-local', node: 'node-2' });
    const hops = t.hops as Json[];
    const noted = hops.filter((h) => h.note !== undefined);
    expect(noted.length).toBeGreaterThan(0);
    for (const h of noted) {
      expect(typeof h.note).toBe('string');
      expect(typeof (h.noteMsg as Described).id).toBe('string');
    }
    const en = JSON.parse((await run('-f', LOCAL, 'curl', '--from', 'external', url, '-o', 'json')).out);
    expect(en.explanation).toMatch(/^Service default\/echo-local has externalTrafficPolicy Local/);
    expect(en.explanationMsg).toEqual(m);
  });

  it('a DNS failure: the lookup and the request that needed it explain in Korean', async () => {
    const ns = await run(
      '-f',
      CLIENT,
      '--lang',
      'ko',
      'exec',
      'client',
      '--',
      'nslookup',
      'dbb',
      '-o',
      'json',
    );
    expect(ns.code).toBe(1);
    const lookup = JSON.parse(ns.out) as Json;
    expect(lookup.rcode).toBe('NXDOMAIN');
    expect(lookup.explanation).toContain('default 네임스페이스에는 이름이 dbb인 서비스가 없습니다.');
    expect(lookup.explanation).toContain('db 서비스(db.default.svc.cluster.local)를 말한 것인가요?');
    expect((lookup.explanationMsg as Described).id).toBe('dns.didYouMean');
    const curl = await run(
      '-f',
      CLIENT,
      '--lang',
      'ko',
      'curl',
      '--from',
      'pod/client',
      'http://dbb/',
      '-o',
      'json',
    );
    const t = JSON.parse(curl.out) as Json;
    expect(t.outcome).toBe('dns-failure');
    expect(t.explanation).toBe(lookup.explanation);
    const text = await run('-f', CLIENT, '--lang', 'ko', 'exec', 'client', '--', 'nslookup', 'dbb');
    expect(text.out).toContain("** server can't find dbb: NXDOMAIN");
    expect(text.out).not.toMatch(HANGUL);
  });

  it('a lint in Korean, with its hint, placed where kubectl would warn', async () => {
    const scene = file(`apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web-0, labels: { app: wbe } }
spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }] }
`);
    const en = await run('-f', scene, 'validate');
    expect(en.err).toContain(
      'selector app=web matches no pod in namespace default; the nearest pods (web-0) have app=wbe instead of app=web',
    );
    expect(en.err).toContain('hint: The Service gets no endpoints: connections to it are rejected.');
    const ko = await run('-f', scene, '--lang', 'ko', 'validate');
    expect(ko.code).toBe(en.code);
    expect(ko.err).toContain(
      '셀렉터 app=web에 맞는 파드가 default 네임스페이스에 없습니다. 가장 가까운 파드(web-0)는 app=web이 아니라 app=wbe입니다.',
    );
    expect(ko.err).toContain(
      '힌트: 이 서비스에는 엔드포인트가 생기지 않아서, 서비스로 오는 연결은 거부됩니다.',
    );
    expect(ko.out).toBe('모든 오브젝트가 유효합니다(경고 1개).\n');
    const json = JSON.parse((await run('-f', scene, '--lang', 'ko', 'validate', '-o', 'json')).out) as {
      diagnostics: Json[];
    };
    const d = json.diagnostics.find((x) => x.code === 'service.selector.noMatch')!;
    expect(d.message).toMatch(HANGUL);
    expect((d.messageMsg as Described).id).toBe('lint.selector.nearest');
    expect((d.hintMsg as Described).id).toBe('lint.selector.hint');
  });

  it('an API server error stays as kubectl prints it, with a Korean line on what it means', async () => {
    const scene = file(`apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, nodePort: 80 }]
`);
    const en = await run('-f', scene, 'validate');
    const ko = await run('-f', scene, '--lang', 'ko', 'validate');
    expect(ko.code).toBe(1);
    const kubectl =
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767';
    expect(en.err).toContain(kubectl);
    expect(en.err).not.toMatch(HANGUL);
    expect(ko.err).toContain(kubectl);
    expect(ko.err).toContain(
      '  ↳ spec.ports[0].nodePort 값이 이 클러스터가 할당하는 범위를 벗어났습니다(범위는 메시지에 나옵니다).',
    );
  });

  it("keeps curl's own words: the text output is the same in both languages", async () => {
    const argv = ['curl', '--from', 'external', '-m', '2', 'http://192.168.49.3:30080/'];
    const en = await run('-f', LOCAL, ...argv);
    const ko = await run('-f', LOCAL, '--lang', 'ko', ...argv);
    expect(ko).toEqual(en);
    expect(ko.err).toBe('curl: (28) Connection timed out after 2001 milliseconds\n');
  });

  it('never takes the language from the environment', async () => {
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
    process.env.LANG = 'ko_KR.UTF-8';
    process.env.LC_ALL = 'ko_KR.UTF-8';
    try {
      const r = await run('-f', LOCAL, 'validate');
      expect(r.out).toBe('All objects are valid.\n');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect((await run('-f', LOCAL, '--lang=ko', 'validate')).out).toBe('모든 오브젝트가 유효합니다.\n');
  });

  it('prints the help in Korean, with the same commands and flags', async () => {
    const ko = await run('--lang', 'ko', '--help');
    expect(ko.code).toBe(0);
    expect(ko.out).toContain('사용법: svclab');
    for (const word of ['validate', 'exec <pod>', 'node <name> -- <cmd>', '--lang en|ko', '-o json'])
      expect(ko.out).toContain(word);
  });

  it('prints usage errors in Korean, command words as typed', async () => {
    const none = await run('--lang', 'ko');
    expect(none.code).toBe(2);
    expect(none.err).toBe(
      "svclab: 명령이 없습니다(validate, get, exec, curl, ping, node, lesson 중 하나를 적으세요)\n사용법은 'svclab --help'에서 볼 수 있습니다.\n",
    );
    const lesson = await run('--lang', 'ko', 'lesson', 'show');
    expect(lesson.code).toBe(2);
    expect(lesson.err).toMatch(/^svclab lesson: 레슨 id를 적으세요: lesson show ID/);
    expect(lesson.err).toContain('usage: svclab lesson list [-o json]');
    const exec = await run('-f', LOCAL, '--lang', 'ko', 'exec', 'x', 'nslookup');
    expect(exec.err).toMatch(/^svclab exec: 실행할 명령은 -- 뒤에 적으세요/);
  });

  it('refuses a language it does not speak as a usage error', async () => {
    for (const argv of [['--lang', 'fr', 'validate'], ['--lang'], ['--lang=', 'validate']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^svclab: --lang takes en or ko, not "(fr)?"\nSee 'svclab --help'\.\n$/);
    }
  });
  it('says in Korean what is wrong with its own flags and the files it is given', async () => {
    const seed = await run('--seed', 'x', '--lang', 'ko', 'validate');
    expect(seed.code).toBe(2);
    expect(seed.err).toBe(
      'svclab: --seed에는 0부터 4294967295까지의 정수를 적으세요(받은 값: "x")\n사용법은 \'svclab --help\'에서 볼 수 있습니다.\n',
    );
    const flag = await run('--lang=ko', 'validate', '-f');
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/^svclab: -f 뒤에 값을 적으세요\n/);
    const missing = await run('--lang', 'ko', '-f', '/nonexistent/scene.yaml', 'validate');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /^svclab: \/nonexistent\/scene\.yaml 파일을 읽을 수 없습니다: 그런 파일이나 디렉터리가 없습니다\n사용법은/,
    );
    const dir = await run('--lang', 'ko', '-f', '/tmp', 'get', 'svc');
    expect(dir.code).toBe(2);
    expect(dir.err).toMatch(/디렉터리입니다\(그 안의 YAML 파일을 하나씩 -f로 주세요\)/);
    const binary = file('\u0000\u0001PNG');
    const nul = await run('--lang', 'ko', '-f', binary, 'validate');
    expect(nul.code).toBe(1);
    expect(nul.err).toContain('텍스트 파일이 아닙니다');
    // English stays as it was, word for word.
    const en = await run('-f', '/nonexistent/scene.yaml', 'validate');
    expect(en.err).toBe(
      "svclab: cannot read /nonexistent/scene.yaml: no such file or directory\nSee 'svclab --help'.\n",
    );
    // The lesson checker reads its files the same way.
    const check = await run(
      '--lang',
      'ko',
      '-f',
      '/nonexistent/scene.yaml',
      'lesson',
      'check',
      'clusterip-selector',
    );
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/^svclab: \/nonexistent\/scene\.yaml 파일을 읽을 수 없습니다/);
  });
});
