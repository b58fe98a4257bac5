import { msg } from '../messages';
import { describe, expect, it } from 'vitest';
import type { DnsExchange, DnsQuery, DnsTransport } from './dns-transport';
import type { Rcode } from './records';
import { bindSearch, bindSettings, glibcSearch, glibcSettings } from './stub-resolver';

const SEARCH = ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

/** A scripted network: each server either answers with an rcode per name, times out or refuses. */
function network(script: Record<string, 'timeout' | 'refused' | ((name: string) => Rcode)>) {
  const sent: DnsQuery[] = [];
  const send: DnsTransport = (q): DnsExchange => {
    sent.push(q);
    const s = script[q.server] ?? 'timeout';
    if (s === 'timeout') return { kind: 'timeout', why: msg('dns.noAnswer', {}) };
    if (s === 'refused') return { kind: 'refused', why: msg('dns.noAnswer', {}) };
    const rcode = s(q.name);
    const answer =
      rcode === 'NOERROR' ? [{ name: q.name, ttl: 30, type: 'A' as const, data: '10.96.0.42' }] : [];
    return {
      kind: 'answer',
      source: 'cluster-dns',
      message: { rcode, authoritative: true, answer, authority: [], additional: [], via: 'kubernetes' },
    };
  };
  return { send, sent };
}

const only =
  (name: string): ((n: string) => Rcode) =>
  (n) =>
    n === name ? 'NOERROR' : 'NXDOMAIN';

describe("glibc's res_search and res_send (curl, ping)", () => {
  const conf = { options: ['ndots:5'] };

  it('defaults to attempts:2 timeout:5 and reads both options (capped at 5 and 30)', () => {
    expect(glibcSettings(conf, ['10.96.0.10'])).toMatchObject({ attempts: 2, timeout: 5 });
    expect(glibcSettings({ options: ['attempts:9', 'timeout:99'] }, ['x'])).toMatchObject({
      attempts: 5,
      timeout: 30,
    });
  });

  it('walks the search list past NXDOMAIN and stops at the first answer', () => {
    const n = network({ '10.96.0.10': only('db.svc.cluster.local.') });
    const r = glibcSearch('db', SEARCH, 5, 'A', glibcSettings(conf, ['10.96.0.10']), n.send);
    expect(r.asked.map((a) => a.name)).toEqual(['db.shop.svc.cluster.local.', 'db.svc.cluster.local.']);
    expect(r.chosen).toBe(1);
    expect(r.seconds).toBe(0);
  });

  it('a timeout ends the search list, then the name is tried as-is: 2 names × 2 tries × 5 s', () => {
    const n = network({ '10.96.0.10': 'timeout' });
    const r = glibcSearch('db', SEARCH, 5, 'A', glibcSettings(conf, ['10.96.0.10']), n.send);
    expect(r.asked.map((a) => a.name)).toEqual(['db.shop.svc.cluster.local.', 'db.']);
    expect(r.asked.every((a) => a.exchange.kind === 'timeout')).toBe(true);
    expect(r.seconds).toBe(20);
    // Each name's retry leaves from the socket its first try opened.
    expect(n.sent.map((q) => [q.name, q.socket, q.attempt])).toEqual([
      ['db.shop.svc.cluster.local.', 1, 1],
      ['db.shop.svc.cluster.local.', 1, 2],
      ['db.', 2, 1],
      ['db.', 2, 2],
    ]);
  });

  it('a refused query gives up at once, each try on a new socket', () => {
    const n = network({ '10.96.0.10': 'refused' });
    const r = glibcSearch('db', SEARCH, 5, 'A', glibcSettings(conf, ['10.96.0.10']), n.send);
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0]!.exchange.kind).toBe('refused');
    expect(r.seconds).toBe(0);
    expect(n.sent.map((q) => q.socket)).toEqual([1, 2]);
  });

  it('rounds over every nameserver, waiting timeout << ns / nscount on the later ones', () => {
    const n = network({ '10.0.0.1': 'timeout', '10.0.0.2': 'timeout', '10.0.0.3': only('db.') });
    const st = glibcSettings({ options: [] }, ['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    const r = glibcSearch('db.', [], 1, 'A', st, n.send);
    expect(n.sent.map((q) => [q.server, q.waitSeconds])).toEqual([
      ['10.0.0.1', 5],
      ['10.0.0.2', 3], // (5 << 1) / 3
      ['10.0.0.3', 6], // (5 << 2) / 3
    ]);
    expect(r.asked[r.chosen]!.exchange.kind).toBe('answer');
    expect(r.seconds).toBe(8);
  });

  it('NODATA keeps searching and is what it reports when nothing answers', () => {
    const n = network({ '10.96.0.10': (q) => (q === 'default.svc.cluster.local.' ? 'NOERROR' : 'NXDOMAIN') });
    const send: DnsTransport = (q) => {
      const ex = n.send(q);
      return ex.kind === 'answer' ? { ...ex, message: { ...ex.message, answer: [] } } : ex;
    };
    const r = glibcSearch('default', SEARCH, 5, 'A', glibcSettings(conf, ['10.96.0.10']), send);
    expect(r.asked).toHaveLength(4);
    expect(r.asked[r.chosen]!.name).toBe('default.svc.cluster.local.');
  });

  it('a name with ndots dots goes as-is first; options attempts:0 sends nothing', () => {
    const n = network({ '10.96.0.10': only('a.b.c.d.e.com.') });
    const r = glibcSearch('a.b.c.d.e.com', SEARCH, 5, 'A', glibcSettings(conf, ['10.96.0.10']), n.send);
    expect(r.asked.map((a) => a.name)).toEqual(['a.b.c.d.e.com.']);
    const none = network({});
    const r0 = glibcSearch(
      'db',
      SEARCH,
      5,
      'A',
      glibcSettings({ options: ['attempts:0'] }, ['x']),
      none.send,
    );
    expect([r0.asked.length, r0.chosen, none.sent.length]).toEqual([0, -1, 0]);
  });
});

describe("BIND's tries (nslookup, dig)", () => {
  it('3 tries of 5 s by default (10 s over TCP); the command line and resolv.conf change them', () => {
    expect(bindSettings({ options: [] }, ['s'], {})).toMatchObject({ attempts: 3, timeout: 5 });
    expect(bindSettings({ options: [] }, ['s'], { tcp: true })).toMatchObject({ timeout: 10 });
    expect(bindSettings({ options: ['attempts:2', 'timeout:1'] }, ['s'], {})).toMatchObject({
      attempts: 2,
      timeout: 1,
    });
    expect(bindSettings({ options: ['attempts:2'] }, ['s'], { tries: 1, timeout: 2 })).toMatchObject({
      attempts: 1,
      timeout: 2,
    });
  });

  it('the first server gets every try, the next ones one each, each try on a new socket', () => {
    const n = network({ '10.0.0.1': 'timeout', '10.0.0.2': 'refused' });
    const r = bindSearch(['db.'], 'A', bindSettings({ options: [] }, ['10.0.0.1', '10.0.0.2'], {}), n.send);
    expect(n.sent.map((q) => [q.server, q.socket])).toEqual([
      ['10.0.0.1', 1],
      ['10.0.0.1', 2],
      ['10.0.0.1', 3],
      ['10.0.0.2', 4],
    ]);
    expect(r.errors.map((e) => e.error)).toEqual([
      'timed out',
      'timed out',
      'timed out',
      'connection refused',
    ]);
    expect(r.asked[0]!.exchange.kind).toBe('timeout'); // one try timed out: the lookup timed out
    expect(r.seconds).toBe(15);
  });

  it('only NXDOMAIN moves to the next name; a lookup no server answered ends the search', () => {
    const n = network({ '10.96.0.10': only('db.svc.cluster.local.') });
    const names = ['db.shop.svc.cluster.local.', 'db.svc.cluster.local.', 'db.cluster.local.', 'db.'];
    const st = bindSettings({ options: [] }, ['10.96.0.10'], {});
    expect(bindSearch(names, 'A', st, n.send).asked.map((a) => a.name)).toEqual(names.slice(0, 2));
    const dead = network({});
    expect(bindSearch(names, 'A', st, dead.send).asked).toHaveLength(1);
  });
});
