/**
 * What the DNS phase of a trace says: each query a stub resolver sends, what the server at the end of the
 * path answers, and why a lookup got no answer. Names, addresses and rcodes are parameters, never
 * translated.
 */
import { defineMessages, type Msg, type RenderNested } from './define';

/** Why this try is not the first: the previous one got no answer, or was refused. */
type Previous = 'timeout' | 'refused' | null;

const retryEn = (attempt: number, previous: Previous, sameSocket: boolean) =>
  attempt > 1 && previous
    ? ` (try ${attempt}: the previous try ${previous === 'timeout' ? 'got no answer in time' : 'was refused'}; ${sameSocket ? 'glibc retries from the same socket, so from the same source port' : 'a new socket, so a new source port'})`
    : '';
const retryKo = (attempt: number, previous: Previous, sameSocket: boolean) =>
  attempt > 1 && previous
    ? ` ${attempt}번째 시도입니다. 앞선 시도${previous === 'timeout' ? '는 제시간에 응답을 받지 못했습니다' : '는 거부되었습니다'}. ${sameSocket ? 'glibc는 같은 소켓, 즉 같은 출발지 포트로 다시 보냅니다.' : '새 소켓이라 출발지 포트도 새로 정해집니다.'}`
    : '';

/** A reason quoted at the end of a sentence, with its full stop. */
const stop = (why: string) => (/[.!?。]$/.test(why.trim()) ? why.trim() : `${why.trim()}.`);
const none = (): Msg => ({ id: 'dns.noAnswer', params: {} });

export const dns = defineMessages({
  /** The client hop of one DNS query. */
  'dns.query': {
    en: (p: {
      server: string;
      name: string;
      type: string;
      attempt: number;
      previous: Previous;
      sameSocket: boolean;
      tcp: boolean;
    }) =>
      `The resolver asks ${p.server}:53 for ${p.name} ${p.type}${p.tcp ? ' over TCP' : ''}${retryEn(p.attempt, p.previous, p.sameSocket)}.`,
    ko: (p) =>
      `리졸버가 ${p.server}:53에 ${p.name} ${p.type} 레코드를 ${p.tcp ? 'TCP로 ' : ''}질의합니다.${retryKo(p.attempt, p.previous, p.sameSocket)}`,
    example: {
      server: '10.96.0.10',
      name: 'web.default.svc.cluster.local.',
      type: 'A',
      attempt: 2,
      previous: 'timeout',
      sameSocket: true,
      tcp: false,
    },
  },
  /** CoreDNS's answer to one query, on the hop where the CoreDNS pod responds. */
  'dns.corednsAnswers': {
    en: (p: { name: string; type: string; rcode: string; records: string[]; forwarded: boolean }) =>
      p.records.length > 0
        ? `CoreDNS answers ${p.name} ${p.type} ${p.records.join(', ')} (${p.forwarded ? 'not a cluster name: forwarded to the upstream resolver, forward . /etc/resolv.conf' : 'from its kubernetes plugin'}).`
        : p.rcode === 'NOERROR'
          ? `CoreDNS answers ${p.name} ${p.type}: NOERROR with no record (the name exists, but has no ${p.type} record).`
          : `CoreDNS answers ${p.name} ${p.type}: ${p.rcode}${p.rcode === 'NXDOMAIN' ? ' (no such name)' : ''}.`,
    ko: (p) =>
      p.records.length > 0
        ? `CoreDNS가 ${p.name} ${p.type} 질의에 응답합니다: ${p.records.join(', ')}(${p.forwarded ? '클러스터 이름이 아니어서 업스트림 리졸버로 넘김: forward . /etc/resolv.conf' : 'kubernetes 플러그인의 응답'}).`
        : p.rcode === 'NOERROR'
          ? `CoreDNS가 ${p.name} ${p.type} 질의에 레코드 없이 NOERROR로 응답합니다(이름은 있지만 ${p.type} 레코드가 없습니다).`
          : `CoreDNS가 ${p.name} ${p.type} 질의에 ${p.rcode} 응답을 보냅니다${p.rcode === 'NXDOMAIN' ? '(그런 이름이 없습니다)' : ''}.`,
    example: {
      name: 'web.default.svc.cluster.local.',
      type: 'A',
      rcode: 'NOERROR',
      records: ['10.96.0.42'],
      forwarded: false,
    },
  },
  /** The query reached a pod that runs no DNS server. */
  'dns.noServerInPod': {
    en: (p: { pod: string; port: number; protocol: string }) =>
      `The query reached pod ${p.pod}, which listens on ${p.port}/${p.protocol} but runs no DNS server svclab knows, so no answer comes back.`,
    ko: (p) =>
      `질의가 ${p.pod} 파드에 도착했지만, 이 파드는 ${p.port}/${p.protocol}에서 기다리기만 할 뿐 svclab이 아는 DNS 서버를 실행하지 않아서 응답이 돌아오지 않습니다.`,
    example: { pod: 'kube-system/not-dns', port: 53, protocol: 'UDP' },
  },
  /** The query reached something that is not a DNS server. */
  'dns.noServerAt': {
    en: (p: { at: string }) =>
      `The query reached ${p.at}, where no DNS server answers, so no answer comes back.`,
    ko: (p) => `질의가 ${p.at}에 도착했지만 그곳에는 응답할 DNS 서버가 없어 응답이 돌아오지 않습니다.`,
    example: { at: '192.168.49.2:53' },
  },
  /** The query left the cluster for an address nothing svclab simulates owns. */
  'dns.nobodyThere': {
    en: (p: { ip: string }) =>
      `Nothing in the cluster owns ${p.ip} and no DNS server is known to run there: the query leaves by the node's default gateway and no answer comes back.`,
    ko: (p) =>
      `${p.ip} 주소는 클러스터 안의 어느 것도 아니고, 그곳에서 실행되는 DNS 서버도 없습니다. 질의는 노드의 기본 게이트웨이로 나가고 응답은 돌아오지 않습니다.`,
    example: { ip: '10.96.0.99' },
  },
  /** glibc with `options attempts:0` sends nothing. */
  'dns.noAttempts': {
    en: (_: object) => 'resolv.conf says options attempts:0, so the resolver sends no query at all',
    ko: () => 'resolv.conf에 options attempts:0이 있어서 리졸버가 질의를 한 번도 보내지 않습니다',
    example: {},
  },
  /** Why a lookup failed when every try was refused. */
  'dns.refused': {
    en: (p: { server: string; why: Msg }, r: RenderNested) =>
      `Every query to ${p.server}:53 was refused (connection refused): ${stop(r(p.why))}`,
    ko: (p, r) => `${p.server}:53으로 보낸 질의가 모두 거부되었습니다(connection refused). ${stop(r(p.why))}`,
    example: { server: '10.96.0.10', why: none() },
  },
  /** Why a lookup failed when no try got an answer. */
  'dns.timedOut': {
    en: (p: { server: string; why: Msg; seconds: number }, r: RenderNested) =>
      `No DNS server answered at ${p.server}${p.seconds > 0 ? ` (the resolver gave up after ${p.seconds} s of retries)` : ''}: ${stop(r(p.why))}`,
    ko: (p, r) =>
      `${p.server} 주소에서 응답한 DNS 서버가 없습니다${p.seconds > 0 ? `(리졸버가 ${p.seconds}초 동안 재시도한 끝에 포기했습니다)` : ''}. ${stop(r(p.why))}`,
    example: { server: '10.96.0.10', why: none(), seconds: 10 },
  },
});
