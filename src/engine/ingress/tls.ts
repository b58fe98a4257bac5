/**
 * Which certificate ingress-nginx presents, and what curl makes of it.
 *
 * The controller gives a certificate to every host of an Ingress that has a `spec.tls` section
 * (internal/ingress/controller/controller.go createServers): the Secret `extractTLSSecretName` finds (the
 * `spec.tls` entry that lists the host, else one whose certificate covers it), loaded as the store loads
 * it (store/backend_ssl.go getPemCertificate: the `tls.crt`/`tls.key` keys, whatever the Secret's type;
 * net/ssl/ssl.go CreateSSLCert: a PEM certificate first). When that Secret is missing, holds no pair, does
 * not parse, or its certificate does not cover the host (`VerifyHostname`, then the CN for a certificate
 * without subjectAltName), the controller logs a warning and serves its default certificate instead: the
 * self-signed "Kubernetes Ingress Controller Fake Certificate" it generates at start-up
 * (net/ssl/ssl.go GetFakeSSLCert: O=Acme Co, RSA 2048, valid 365 days, SAN ingress.local). At the
 * handshake (rootfs/etc/nginx/lua/certificate.lua) the SNI picks the server's certificate, exact name
 * first, then the name with its first label replaced by `*`; no SNI, or a host without TLS, gets the
 * default server's certificate, the fake one.
 *
 * svclab's curl trusts no CA that could have signed a Secret's certificate (net/tls-verify.ts), so without
 * -k every handshake ends in exit 60 with OpenSSL's verify error; with -k it goes on (HTTP/2 by ALPN, as
 * the controller's `use-http2` defaults to true).
 */
import type { ClusterState } from '../cluster/state';
import type { Ingress, Secret } from '../k8s/objects';
import { msg, sentences, type Msg } from '../messages';
import { certificateView, coversName, verifyChain, type VerifyResult } from '../net/tls-verify';
import { asn1TimeText, parseCertificateChain, pemBlocks, secretText, type X509Info } from '../net/x509';
import type { TlsView } from '../trace';
import { normalizeHost } from './match';
import { CATCH_ALL, type RoutingTable } from './routing-table';

export const FAKE_CERTIFICATE = 'Kubernetes Ingress Controller Fake Certificate';

/** 2026-01-01T00:00:00Z, simulated second 0: the controller generated its fake certificate then. */
const CONTROLLER_START = Date.UTC(2026, 0, 1);

/** GetFakeSSLCert's certificate as curl -v describes it (no randomness: the key and serial are not shown). */
const FAKE_LEAF: X509Info = {
  subject: `O=Acme Co; CN=${FAKE_CERTIFICATE}`,
  issuer: `O=Acme Co; CN=${FAKE_CERTIFICATE}`,
  notBefore: asn1TimeText(new Date(CONTROLLER_START)),
  notAfter: asn1TimeText(new Date(CONTROLLER_START + 365 * 24 * 3600 * 1000)),
  dnsNames: ['ingress.local'],
  fromSan: true,
  selfSigned: true,
  keyDescription: 'RSA (2048/112 Bits/secBits)',
  signatureAlgorithm: 'sha256WithRSAEncryption',
  peerSignatureType: 'RSASSA-PSS',
};

export interface ServerCertificate {
  /** "default/shop-tls", or the fake certificate's CN. */
  name: string;
  fake: boolean;
  /** The chain nginx sends, leaf first. */
  chain: X509Info[];
  /** Why this certificate, as a sentence. */
  reason: Msg;
}

function fake(reason: Msg): ServerCertificate {
  return { name: FAKE_CERTIFICATE, fake: true, chain: [FAKE_LEAF], reason };
}

// pem.Decode and tls.X509KeyPair accept these private key blocks.
const KEY_BLOCKS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

type Loaded = { ok: true; chain: X509Info[] } | { ok: false; why: Msg };

/** getPemCertificate + CreateSSLCert: the Secret as the controller's local certificate store holds it. */
function loadSecret(cluster: ClusterState, ns: string, name: string): Loaded {
  const key = `${ns}/${name}`;
  const secret: Secret | undefined = cluster.secrets.find(
    (s) => s.metadata.namespace === ns && s.metadata.name === name,
  );
  if (!secret) return { ok: false, why: msg('ingress.cert.secretMissing', { secret: key }) };
  const crt = secretText(secret, 'tls.crt');
  const pk = secretText(secret, 'tls.key');
  if (crt === undefined || pk === undefined)
    return { ok: false, why: msg('ingress.cert.noPair', { secret: key }) };
  const first = pemBlocks(crt)[0];
  const parsed = parseCertificateChain(crt);
  if (!first || first.type !== 'CERTIFICATE' || !parsed.ok)
    return { ok: false, why: msg('ingress.cert.badCertificate', { secret: key }) };
  if (!pemBlocks(pk).some((b) => KEY_BLOCKS.has(b.type)))
    return { ok: false, why: msg('ingress.cert.badKey', { secret: key }) };
  return { ok: true, chain: parsed.chain };
}

/**
 * Go's VerifyHostname, then controller/certificate.go verifyHostname (the CN when there is no SAN):
 * X509Info.dnsNames already holds the SAN names, or the CN when there are none.
 */
function certificateCovers(chain: X509Info[], host: string): boolean {
  return coversName(chain[0]?.dnsNames ?? [], host);
}

/** The certificate ingress-nginx configures for one host of one Ingress with spec.tls (createServers). */
function certificateFor(cluster: ClusterState, ing: Ingress, host: string): ServerCertificate {
  const ns = ing.metadata.namespace ?? 'default';
  const tls = ing.spec?.tls ?? [];
  // extractTLSSecretName: the entry listing the host (case-insensitively), else a certificate covering it.
  let secretName = tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host))?.secretName;
  let bySan = false;
  if (secretName === undefined) {
    for (const t of tls) {
      if (!t.secretName) continue;
      const l = loadSecret(cluster, ns, t.secretName);
      if (l.ok && certificateCovers(l.chain, host)) {
        secretName = t.secretName;
        bySan = true;
        break;
      }
    }
  }
  if (!secretName) return fake(msg('ingress.cert.noSecretListed', { host }));
  const key = `${ns}/${secretName}`;
  const loaded = loadSecret(cluster, ns, secretName);
  if (!loaded.ok) return fake(loaded.why);
  if (!certificateCovers(loaded.chain, host))
    return fake(
      msg('ingress.cert.notForHost', { secret: key, host, names: loaded.chain[0]!.dnsNames.join(', ') }),
    );
  return {
    name: key,
    fake: false,
    chain: loaded.chain,
    reason: msg('ingress.cert.secret', { secret: key, host, bySan }),
  };
}

/**
 * host → certificate for every host of an Ingress with spec.tls (the controller's certificate_servers):
 * the first Ingress (oldest) with TLS for a host decides it.
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
 * Whether a certificate is configured for the request's Host (certificate.lua
 * configured_for_current_request: this is what enables the HTTP→HTTPS redirect).
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
  /** The handshake as curl saw it (for -v and the trace). */
  view: TlsView;
  /** Set when curl stops: its exit code and line. */
  curlError?: { curlExitCode: number; message: string };
  /** What happened, in sentences. */
  note: Msg;
}

/**
 * The TLS handshake with the controller: the certificate chosen by SNI, and what curl (verifying unless
 * -k) makes of it.
 *
 * @example
 * tlsHandshake(certs, 'shop.example.com', { insecure: false }).curlError?.curlExitCode; // 60
 */
export function tlsHandshake(
  certs: Map<string, ServerCertificate>,
  sni: string | undefined,
  client: { insecure: boolean; alpn?: string[] },
): Handshake {
  const name = sni ? normalizeHost(sni) : undefined;
  const found = name ? lookup(certs, name) : undefined;
  const certificate =
    found ?? fake(name ? msg('ingress.cert.noMatch', { name }) : msg('ingress.cert.noSni', {}));
  const leaf = certificate.chain[0]!;
  const verify: VerifyResult = verifyChain(certificate.chain);
  const offered = client.alpn ?? ['h2', 'http/1.1'];
  const view: TlsView = {
    ...(name ? { sni: name } : {}),
    alpnOffered: offered,
    ...certificateView(certificate.chain),
    verify,
    verifyPeer: !client.insecure,
    end: client.insecure ? 'ok' : 'untrusted',
  };
  const presents = msg('ingress.tls.presents', {
    cert: certificate.reason,
    subject: leaf.subject,
    issuer: leaf.issuer,
    names: leaf.dnsNames.join(', '),
  });
  const mismatch =
    name && !coversName(leaf.dnsNames, name)
      ? [msg('gw.tls.nameMismatch', { host: name, names: leaf.dnsNames.join(', ') })]
      : [];
  if (!client.insecure)
    return {
      certificate,
      view,
      curlError: { curlExitCode: 60, message: `curl: (60) SSL certificate problem: ${verify.text}` },
      note: sentences([
        presents,
        msg('gw.tls.untrusted', { verify: verify.text, selfSigned: leaf.selfSigned }),
        ...mismatch,
      ]),
    };
  // nginx's ALPN callback takes the first of its own protocols (h2, http/1.1: use-http2 defaults to true)
  // that the client offered.
  const alpn = ['h2', 'http/1.1'].find((p) => offered.includes(p)) ?? 'http/1.1';
  return {
    certificate,
    view: { ...view, alpn },
    note: sentences([presents, msg('gw.tls.insecure', { verify: verify.text, alpn }), ...mismatch]),
  };
}
