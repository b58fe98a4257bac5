/**
 * Which certificate ingress-nginx presents, and whether curl accepts it.
 *
 * ingress-nginx (controller.go createServers) gives a certificate to every host of an Ingress that has a
 * `spec.tls` section: the Secret listed for that host (or whose certificate covers it), and when that
 * Secret is missing or holds no `tls.crt`/`tls.key` pair, its own self-signed "Kubernetes Ingress
 * Controller Fake Certificate". At the TLS handshake (lua/certificate.lua) the certificate is chosen by
 * SNI, exact host first, then the host with its first label replaced by `*`; no SNI or an unknown name
 * gets the fake certificate. svclab does not parse PEM: a Secret's certificate is taken to be a trusted
 * one for the hosts listed beside it in `spec.tls`.
 */
import type { ClusterState } from '../cluster/state';
import type { Ingress, Secret } from '../k8s/objects';
import { hostMatches, normalizeHost } from './match';
import { CATCH_ALL, type RoutingTable } from './routing-table';
import { msg, type Msg } from '../messages';

export const FAKE_CERTIFICATE = 'Kubernetes Ingress Controller Fake Certificate';

export interface ServerCertificate {
  /** "default/shop-tls", or the fake certificate's CN. */
  name: string;
  fake: boolean;
  /** The hosts the certificate is valid for (the Secret's `spec.tls[].hosts`); none for the fake. */
  hosts: string[];
  /** Why this certificate, as a sentence. */
  reason: Msg;
}

function secretUsable(s: Secret | undefined): boolean {
  const has = (k: string) => Boolean(s?.data?.[k] ?? s?.stringData?.[k]);
  // ingress-nginx reads the keys, not the type (store/backend_ssl.go getPemCertificate).
  return has('tls.crt') && has('tls.key');
}

function fake(reason: Msg): ServerCertificate {
  return { name: FAKE_CERTIFICATE, fake: true, hosts: [], reason };
}

/** The certificate ingress-nginx configures for one host of one Ingress (extractTLSSecretName + checks). */
function certificateFor(cluster: ClusterState, ing: Ingress, host: string): ServerCertificate {
  const tls = ing.spec?.tls ?? [];
  const exact = tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host));
  const covering =
    exact ?? tls.find((t) => t.secretName && (t.hosts ?? []).some((h) => hostMatches(h, host)));
  if (!covering?.secretName) {
    return fake(msg('ingress.cert.noSecretListed', { host }));
  }
  const ns = ing.metadata.namespace ?? 'default';
  const key = `${ns}/${covering.secretName}`;
  const secret = cluster.secrets.find(
    (s) => s.metadata.namespace === ns && s.metadata.name === covering.secretName,
  );
  if (!secret) return fake(msg('ingress.cert.secretMissing', { secret: key }));
  if (!secretUsable(secret)) {
    return fake(msg('ingress.cert.noPair', { secret: key }));
  }
  return {
    name: key,
    fake: false,
    hosts: covering.hosts ?? [],
    reason: msg('ingress.cert.secret', { secret: key, host }),
  };
}

/**
 * host → certificate for every host that has TLS configured (ingress-nginx's certificate servers map).
 * The first Ingress (oldest) with TLS for a host decides it.
 *
 * @example
 * tlsHosts(cluster, table).get('shop.example.com')?.name; // "default/shop-tls"
 */
export function tlsHosts(cluster: ClusterState, table: RoutingTable): Map<string, ServerCertificate> {
  const out = new Map<string, ServerCertificate>();
  for (const ing of table.ingresses) {
    if ((ing.spec?.tls ?? []).length === 0) continue;
    for (const rule of ing.spec?.rules ?? []) {
      const host = (rule.host ?? '').toLowerCase();
      if (!host || host === CATCH_ALL || out.has(host)) continue;
      out.set(host, certificateFor(cluster, ing, host));
    }
  }
  return out;
}

/** lua/certificate.lua get_pem_cert_uid: the exact name, then "*." + the name without its first label. */
function lookup(certs: Map<string, ServerCertificate>, name: string): ServerCertificate | undefined {
  const host = normalizeHost(name);
  return certs.get(host) ?? certs.get(host.replace(/^[^.]+\./, '*.'));
}

/**
 * Whether a certificate is configured for the request's Host (this is what enables the HTTP→HTTPS
 * redirect and HSTS).
 *
 * @example
 * certificateConfiguredFor(certs, 'shop.example.com'); // true
 */
export function certificateConfiguredFor(
  certs: Map<string, ServerCertificate>,
  host: string | undefined,
): boolean {
  return host !== undefined && lookup(certs, host) !== undefined;
}

export interface Handshake {
  certificate: ServerCertificate;
  /** Whether curl, without -k, accepts it for the name it connected to. */
  verified: boolean;
  /** The curl error when it does not verify. */
  curlError?: string;
  note: Msg;
}

/**
 * The TLS handshake: the certificate chosen by SNI and whether the client trusts it.
 *
 * @example
 * tlsHandshake(certs, 'shop.example.com').verified; // true with a tls Secret for that host
 */
export function tlsHandshake(certs: Map<string, ServerCertificate>, sni: string | undefined): Handshake {
  const found = sni ? lookup(certs, sni) : undefined;
  const certificate =
    found ??
    fake(sni ? msg('ingress.cert.noMatch', { name: normalizeHost(sni) }) : msg('ingress.cert.noSni', {}));
  if (certificate.fake) {
    return {
      certificate,
      verified: false,
      curlError: 'curl: (60) SSL certificate problem: self-signed certificate',
      note: msg('ingress.tls.selfSigned', { cert: certificate.reason, fake: FAKE_CERTIFICATE }),
    };
  }
  const name = normalizeHost(sni);
  const covers = certificate.hosts.some((h) => hostMatches(h, name));
  if (!covers) {
    return {
      certificate,
      verified: false,
      curlError: `curl: (60) SSL: no alternative certificate subject name matches target host name '${name}'`,
      note: msg('ingress.tls.nameMismatch', { cert: certificate.reason, hosts: certificate.hosts, name }),
    };
  }
  return {
    certificate,
    verified: true,
    note: msg('ingress.tls.ok', { cert: certificate.reason }),
  };
}
