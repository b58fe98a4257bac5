/**
 * Usage errors are svclab's own sentences, so a Korean console prints them in Korean; what an imitated
 * tool prints itself (curl's option errors, kubectl's flag errors) stays in the tool's words.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { scene } from '../testing/scene';

const s = scene(`apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-1, containers: [{ name: c, image: busybox }] }
`);
const ko = (line: string) => runCommand(line, { ...s.env, lang: 'ko' });

describe('usage errors in the reader language', () => {
  it.each([
    ['frobnicate pods', 'svclab: 알 수 없는 명령 "frobnicate"입니다'],
    ['exec client nslookup db', 'svclab exec: 실행할 명령은 -- 뒤에 적으세요'],
    ['exec -- env', 'svclab exec: 파드 이름을 적으세요'],
    ['exec client --', 'svclab exec: -- 뒤에 실행할 명령이 없습니다'],
    ["curl 'http://web", "svclab: 작은따옴표(')가 닫히지 않았습니다"],
    ['--at soon get pods', 'svclab: --at에는 10s, 1m30s, 500ms 같은 시간 길이를 적으세요'],
    ['timeline now', 'svclab timeline: timeline에는 인자가 없습니다'],
    ['node', 'svclab node: 노드 이름을 적으세요'],
    ['node node-1 -- ip route', 'svclab node: 알 수 없는 명령 "ip route"입니다'],
    [
      'node node-1 -- conntrack -F',
      'svclab node: conntrack: svclab은 -L [-p PROTO] [-s IP] [-d IP]만 지원합니다',
    ],
    [
      'curl --count 20000 http://web',
      'svclab curl: 옵션 --count: svclab은 명령 하나에 요청을 최대 10000개까지',
    ],
    [
      'curl --count 10000 http://a http://b http://c',
      'svclab curl: URL 3개에 --count 10000이면 요청 30000개',
    ],
    ['curl --from laptop http://web', 'svclab curl: 알 수 없는 출발지 "laptop"입니다'],
    ['timeline add Meteor node-1', 'svclab timeline: timeline add 뒤에 장애 종류(NodeStopped'],
    ['timeline add NodeStopped', 'svclab timeline: NodeStopped에는 대상 노드의 이름이 필요합니다'],
    ['timeline add PodDeleted client -c c', 'svclab timeline: 컨테이너 이름(-c)은 ContainerCrashed에만'],
  ])('%s', (line, start) => {
    const r = ko(line);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.startsWith(start), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/\n사용법은 'svclab --help'에서 볼 수 있습니다\.\n$/);
  });

  it('keeps the imitated tools own words', () => {
    expect(ko('get pods --bogus').stderr).toBe(
      "svclab get: unknown flag: --bogus\n사용법은 'svclab --help'에서 볼 수 있습니다.\n",
    );
    expect(ko('curl -Z http://web').stderr).toMatch(/^svclab curl: option -Z: is unknown\n/);
    expect(ko('exec --bogus client -- env').stderr).toMatch(/^svclab exec: unknown flag: --bogus\n/);
  });

  it('prints the same errors in English by default', () => {
    expect(s.run('exec client nslookup db').stderr).toBe(
      "svclab exec: put the command after --, e.g. exec web -- nslookup db\nSee 'svclab --help'.\n",
    );
    expect(s.run('node node-1 -- ip route').stderr).toBe(
      'svclab node: unknown command "ip route" (use iptables-save, ip6tables-save, ipvsadm -Ln, nft list ruleset or conntrack -L)\n' +
        "See 'svclab --help'.\n",
    );
  });
});
