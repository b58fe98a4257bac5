/**
 * What curl (8.x on OpenSSL 3) decides about a server's certificate chain: OpenSSL verifies the chain
 * during the handshake (lib/vtls/openssl.c ossl_connect_step2 fails with "SSL certificate problem: %s",
 * exit 60, unless -k turns verifypeer off); only a chain that verifies goes on to the host name check.
 * svclab's curl trusts no certificate authority that a Secret's certificate could chain to (its CA file
 * holds the public CAs, which sign no name in a simulated cluster), so a chain never verifies: a
 * self-signed leaf is error 18, a chain that ends in a self-signed CA 19, a leaf whose issuer was not sent
 * 20. The names a certificate covers are still worth telling a student: `coversName` checks them as
 * curl's hostcheck does.
 *
 * @example
 * verifyChain([selfSignedLeaf]); // { code: 18, text: "self-signed certificate" }
 */
import type { TlsView } from '../trace';
import type { X509Info } from './x509';

export interface VerifyResult {
  code: number;
  text: string;
}

/**
 * OpenSSL's verify result for a chain curl has no trust anchor for (X509_verify_cert_error_string).
 *
 * @example verifyChain([leaf, selfSignedCa]).code; // 19
 */
export function verifyChain(chain: readonly X509Info[]): VerifyResult {
  const leaf = chain[0];
  if (!leaf || leaf.selfSigned) return { code: 18, text: 'self-signed certificate' };
  if (chain.slice(1).some((c) => c.selfSigned))
    return { code: 19, text: 'self-signed certificate in certificate chain' };
  return { code: 20, text: 'unable to get local issuer certificate' };
}

/**
 * curl's hostcheck (lib/vtls/hostcheck.c): a pattern matches case-insensitively, a trailing dot ignored;
 * a wildcard only as the whole leftmost label of a pattern with two dots or more ("*.com" covers nothing),
 * matching exactly one label, and never an IP address.
 *
 * @example coversName(['*.example.com'], 'shop.example.com'); // true
 */
export function coversName(names: readonly string[], host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const isIp = /^[\d.]+$/.test(h) || h.includes(':');
  return names.some((raw) => {
    const p = raw.toLowerCase().replace(/\.$/, '');
    if (p === h) return true;
    if (isIp || !p.startsWith('*.')) return false;
    const suffix = p.slice(1); // ".example.com"
    // hostcheck: the pattern needs two dots after the wildcard label's one ("*.com" covers nothing).
    if (suffix.slice(1).indexOf('.') < 0) return false;
    return (
      h.endsWith(suffix) && !h.slice(0, h.length - suffix.length).includes('.') && h.length > suffix.length
    );
  });
}

/**
 * A chain as the trace shows it (what curl -v prints of each certificate), and the leaf's handshake
 * signature: the one mapping ingress-nginx's and Envoy's handshakes share.
 *
 * @example certificateView([leaf]).chain?.[0]?.subject; // "CN=shop.example.com"
 */
export function certificateView(chain: readonly X509Info[]): Pick<TlsView, 'chain' | 'peerSignatureType'> {
  const leaf = chain[0];
  return {
    chain: chain.map((c) => ({
      subject: c.subject,
      issuer: c.issuer,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      ...(c.keyDescription ? { keyDescription: c.keyDescription } : {}),
      signatureAlgorithm: c.signatureAlgorithm,
    })),
    ...(leaf?.peerSignatureType ? { peerSignatureType: leaf.peerSignatureType } : {}),
  };
}
