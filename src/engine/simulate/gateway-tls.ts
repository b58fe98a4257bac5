/**
 * The TLS leg of a request to a Gateway's Envoy, before any HTTP routing: an https:// request on an
 * HTTPS listener port does the handshake (gateway/tls.ts chooses the filter chain and certificate, curl
 * verifies it as net/tls-verify.ts says); plain HTTP on a TLS port and TLS on a plain port fail as they do
 * between curl and Envoy. Internal to simulate/.
 */
import { serverHandshake } from '../gateway/tls';
import type { GatewayResult } from '../gateway/translate';
import { msg, sentences, type Msg } from '../messages';
import { isIPv4, isIPv6 } from '../net/ip';
import { certificateView, coversName, verifyChain } from '../net/tls-verify';
import type { TlsView } from '../trace';
import type { Ctx } from './context';
import { parseTarget } from './request';

export type GatewayTlsResult =
  | { ok: true; tls?: TlsView; notes: Msg[] }
  | { ok: false; note: Msg; clientError: { curlExitCode: number; message: string }; tls?: TlsView };

/**
 * What the client and Envoy make of the connection's first bytes on a listener port.
 *
 * @example
 * gatewayTls(ctx, g, { port: 443, https: true }).ok; // false for a self-signed certificate without -k
 */
export function gatewayTls(
  ctx: Ctx,
  g: GatewayResult,
  listener: { port: number; https: boolean },
): GatewayTlsResult {
  const t = parseTarget(ctx.req.target);
  const clientTls = t?.scheme === 'https';
  const names = g.listeners
    .filter((l) => l.ready && l.listener.port === listener.port)
    .map((l) => l.listener.name)
    .join(', ');
  if (listener.https && !clientTls)
    return {
      ok: false,
      note: msg('gw.tls.plainToTls', { port: listener.port, listeners: names }),
      clientError: { curlExitCode: 52, message: 'curl: (52) Empty reply from server' },
    };
  if (!listener.https && clientTls)
    return {
      ok: false,
      note: msg('gw.tls.tlsToPlain', { port: listener.port, listeners: names }),
      clientError: {
        curlExitCode: 35,
        message: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
      },
    };
  if (!listener.https || !t) return { ok: true, notes: [] };
  // curl sends no SNI for an IP address (lib/vtls/vtls.c Curl_ssl_peer_init: is_ip_address).
  const sni = isIPv4(t.host) || isIPv6(t.host) ? undefined : t.host.toLowerCase().replace(/\.$/, '');
  const offered = ctx.req.alpn ?? ['h2', 'http/1.1'];
  const verifyPeer = !ctx.req.insecure;
  const hs = serverHandshake(g, listener.port, sni);
  const urlPort = t.port ?? 443;
  if (hs.kind === 'no-chain') {
    const tls: TlsView = { ...(sni ? { sni } : {}), alpnOffered: offered, end: 'closed', verifyPeer };
    return {
      ok: false,
      tls,
      note: msg('gw.tls.noChain', {
        port: listener.port,
        sni: sni ?? '',
        serverNames: hs.serverNames.join(', '),
      }),
      // openssl.c ossl_connect_step2: the peer closed during the handshake (the trailing space is curl's).
      clientError: {
        curlExitCode: 35,
        message: `curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to ${t.host}:${urlPort} `,
      },
    };
  }
  const leaf = hs.chain[0]!;
  const verify = verifyChain(hs.chain);
  const secret = `${hs.secret.metadata.namespace ?? 'default'}/${hs.secret.metadata.name ?? ''}`;
  const chainNote = msg('gw.tls.chain', {
    sni: sni ?? '',
    listener: hs.listener.listener.name,
    by: hs.matchedBy,
    secret,
    subject: leaf.subject,
    issuer: leaf.issuer,
    names: leaf.dnsNames.join(', '),
  });
  const nameNote =
    !coversName(leaf.dnsNames, t.host) &&
    msg('gw.tls.nameMismatch', { host: t.host, names: leaf.dnsNames.join(', ') });
  const base = {
    ...(sni ? { sni } : {}),
    alpnOffered: offered,
    ...certificateView(hs.chain),
    verify,
    verifyPeer,
  };
  if (verifyPeer)
    return {
      ok: false,
      tls: { ...base, end: 'untrusted' },
      note: sentences([
        chainNote,
        msg('gw.tls.untrusted', { verify: verify.text, selfSigned: leaf.selfSigned }),
        ...(nameNote ? [nameNote] : []),
      ]),
      clientError: { curlExitCode: 60, message: `curl: (60) SSL certificate problem: ${verify.text}` },
    };
  const alpn = offered.find((p) => hs.alpn.includes(p)) ?? 'http/1.1';
  return {
    ok: true,
    tls: { ...base, end: 'ok', alpn },
    notes: [
      chainNote,
      msg('gw.tls.insecure', { verify: verify.text, alpn }),
      ...(nameNote ? [nameNote] : []),
    ],
  };
}
