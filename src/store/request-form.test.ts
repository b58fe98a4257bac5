import { describe, expect, it } from 'vitest';
import { request, reusesConnection } from '../engine/simulate/request';
import {
  choiceOf,
  clampCount,
  formFor,
  formFromV1,
  REQUEST_CHOICES,
  savedRequest,
  withChoice,
} from './request-form';

const base = { from: 'pod/default/client', target: 'http://web', count: 3 };

describe('the request bar’s protocol menu', () => {
  it('shows every entry it sets, and keeps source, target and count', () => {
    for (const choice of REQUEST_CHOICES) {
      const form = withChoice(base, choice);
      expect(choiceOf(form.request, form.lookup)).toBe(choice);
      expect(form.request).toMatchObject(base);
    }
  });

  it('sends what each entry says: a new connection each time, keep-alive, one HTTP/2 connection, ICMP', () => {
    const sent = (c: (typeof REQUEST_CHOICES)[number]) => request(withChoice(base, c).request);
    expect(reusesConnection(sent('http1.0'))).toBe(false);
    expect(reusesConnection(sent('http1.1'))).toBe(false);
    expect(reusesConnection(sent('keepalive'))).toBe(true);
    expect(sent('http2')).toMatchObject({ protocol: 'HTTP/2', keepalive: true });
    expect(sent('ping').protocol).toBe('ICMP');
    expect(withChoice(base, 'dns')).toEqual({ request: base, lookup: true });
  });

  it('reads the engine’s defaults as HTTP/1.1, and has no entry for what it does not offer', () => {
    expect(choiceOf({ from: 'external', target: 'http://web' }, false)).toBe('http1.1');
    expect(choiceOf({ ...base, protocol: 'HTTP/1.0', keepalive: true }, false)).toBe('http1.0');
    expect(choiceOf({ ...base, protocol: 'UDP' }, false)).toBeNull();
    expect(choiceOf({ ...base, protocol: 'HTTP/2', keepalive: false }, false)).toBeNull();
  });

  it('keeps the count a whole number from 1 to 2,000', () => {
    expect([0, -4, 1.4, 2.6, 1999, 2001, Number.NaN, Infinity].map(clampCount)).toEqual([
      1, 1, 1, 3, 1999, 2000, 1, 2000,
    ]);
    expect(formFor({ request: { from: 'external', target: 'http://web' } })).toEqual({
      request: { from: 'external', target: 'http://web', count: 1 },
      lookup: false,
    });
  });
});

describe('saved requests', () => {
  it('carries a version-1 form forward, entry by entry', () => {
    const v1 = (protocol: string) => formFromV1({ from: 'external', to: 'http://x', protocol, count: 7 });
    for (const choice of REQUEST_CHOICES) {
      const form = v1(choice)!;
      expect(choiceOf(form.request, form.lookup)).toBe(choice);
      expect(form.request).toMatchObject({ from: 'external', target: 'http://x', count: 7 });
    }
    expect(choiceOf(v1('gopher')!.request, false)).toBe('http1.1');
  });

  it('refuses what is not a request', () => {
    for (const junk of [null, 'http://web', 42, [], { from: 'external' }, { from: 1, to: 'x' }])
      expect(formFromV1(junk)).toBeNull();
    for (const junk of [null, { from: 'external' }, { from: 'external', target: 7 }])
      expect(savedRequest(junk)).toBeNull();
  });

  it('keeps only the fields the form edits, with values the engine accepts', () => {
    expect(
      savedRequest({
        from: 'external',
        target: 'http://web',
        protocol: 'QUIC',
        keepalive: 'yes',
        count: 1e9,
        headers: { evil: 'x' },
      }),
    ).toEqual({ from: 'external', target: 'http://web', count: 2000 });
    expect(
      savedRequest({ from: 'node/node-1', target: '10.96.0.10', protocol: 'ICMP', keepalive: false }),
    ).toEqual({
      from: 'node/node-1',
      target: '10.96.0.10',
      protocol: 'ICMP',
      keepalive: false,
      count: 1,
    });
    // curl -k survives a reload (the ingress scene's request to its self-signed certificate).
    expect(savedRequest({ from: 'external', target: 'https://shop.example.com/', insecure: true })).toEqual({
      from: 'external',
      target: 'https://shop.example.com/',
      insecure: true,
      count: 1,
    });
    expect(savedRequest({ from: 'external', target: 'https://x/', insecure: 'yes' })).toEqual({
      from: 'external',
      target: 'https://x/',
      count: 1,
    });
  });
});
