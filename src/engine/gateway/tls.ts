/**
 * TLS on a Gateway's HTTPS listeners, as Envoy Gateway programs Envoy (internal/xds/translator/listener.go
 * addXdsHTTPFilterChain, addServerNamesMatch): every programmed HTTPS listener on a port is one filter
 * chain of that port's Envoy listener, matched by SNI (`server_names` = the listener's hostname; a
 * listener without hostname has no server_names and takes any SNI, or none). Envoy picks the chain as its
 * filter chain matcher does: the exact name, then the longest wildcard suffix (`*.example.com` also covers
 * `a.b.example.com`), then the chain without server_names; when none matches it closes the connection
 * without a word, which OpenSSL reports as SSL_ERROR_SYSCALL. The chain serves its listener's
 * certificates (the first one whose names cover the SNI, else the first) and offers ALPN h2 and
 * http/1.1 (buildALPNProtocols' default).
 *
 * @example
 * const hs = serverHandshake(gatewayResult, 443, 'shop.example.com');
 * hs.kind === 'chain' && hs.listener.listener.name; // "https"
 */
import type { Secret } from '../k8s/objects';
import { parseCertificateChain, secretText, type X509Info } from '../net/x509';
import { coversName } from '../net/tls-verify';
import type { ListenerResult } from './listeners';
import type { GatewayResult } from './translate';

export type ServerHandshake =
  | {
      kind: 'chain';
      listener: ListenerResult;
      /** How the SNI chose the chain: its exact hostname, a wildcard hostname, or the chain for any name. */
      matchedBy: 'exact' | 'wildcard' | 'any';
      secret: Secret;
      chain: X509Info[];
      alpn: string[];
    }
  | { kind: 'no-chain'; sni: string | undefined; serverNames: string[] };

/** Envoy's filter chain lookup by server name over the listeners' hostnames. */
function chooseChain(
  listeners: ListenerResult[],
  sni: string | undefined,
): { l: ListenerResult; by: 'exact' | 'wildcard' | 'any' } | undefined {
  const name = sni?.toLowerCase().replace(/\.$/, '');
  if (name) {
    const exact = listeners.find((l) => l.listener.hostname?.toLowerCase() === name);
    if (exact) return { l: exact, by: 'exact' };
    const labels = name.split('.');
    for (let i = 1; i < labels.length; i++) {
      const wildcard = `*.${labels.slice(i).join('.')}`;
      const w = listeners.find((l) => l.listener.hostname?.toLowerCase() === wildcard);
      if (w) return { l: w, by: 'wildcard' };
    }
  }
  const any = listeners.find((l) => !l.listener.hostname);
  return any ? { l: any, by: 'any' } : undefined;
}

/**
 * The server side of a TLS handshake on a Gateway port: the filter chain the SNI selects and the
 * certificate it presents, or no chain (Envoy closes the connection).
 *
 * @example
 * serverHandshake(g, 443, undefined).kind; // "no-chain" when every HTTPS listener names a hostname
 */
export function serverHandshake(g: GatewayResult, port: number, sni: string | undefined): ServerHandshake {
  const onPort = g.listeners.filter(
    (l) => l.ready && l.listener.port === port && l.listener.protocol === 'HTTPS',
  );
  const chosen = chooseChain(onPort, sni);
  if (!chosen)
    return {
      kind: 'no-chain',
      sni,
      serverNames: onPort.map((l) => l.listener.hostname).filter((h): h is string => Boolean(h)),
    };
  const parsed = chosen.l.certificates
    .map((secret) => ({ secret, c: parseCertificateChain(secretText(secret, 'tls.crt') ?? '') }))
    .flatMap(({ secret, c }) => (c.ok ? [{ secret, chain: c.chain }] : []));
  // Envoy's certificate selection: a certificate whose names cover the SNI, else the first.
  const pick =
    (sni ? parsed.find((p) => coversName(p.chain[0]?.dnsNames ?? [], sni)) : undefined) ?? parsed[0];
  if (!pick) return { kind: 'no-chain', sni, serverNames: [] };
  return {
    kind: 'chain',
    listener: chosen.l,
    matchedBy: chosen.by,
    secret: pick.secret,
    chain: pick.chain,
    alpn: ['h2', 'http/1.1'],
  };
}
