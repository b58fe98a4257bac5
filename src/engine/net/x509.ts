/**
 * What a TLS Secret's `tls.crt` holds, read from its PEM the way the programs that use it read it: the
 * serving certificate's subject and issuer (printed as OpenSSL's `X509_NAME_print_ex` with
 * `XN_FLAG_SEP_SPLUS_SPC`, which curl -v shows), its validity as `ASN1_TIME_print` writes it, the DNS names
 * it covers (subjectAltName dNSNames; the last CN when it has none, as curl falls back), whether it signs
 * itself, and its key and signature algorithm for curl's "Certificate level" line. DER is decoded with
 * @peculiar/asn1-x509 in x509-der.ts, a library that loads apart (the `x509Der` slot below; issue 17), and
 * no signature is checked: nothing in svclab trusts a certificate by its signature.
 *
 * @example
 * const c = parseCertificateChain(pem);
 * if (c.ok) c.chain[0].dnsNames; // ["shop.example.com"]
 */
import { base64, utf8 } from '@scure/base';
import { librarySlot } from '../util/library-slot';

export interface X509Info {
  /** "CN=shop.example.com" (OpenSSL's one-line form, RDNs joined by "; "). */
  subject: string;
  issuer: string;
  /** "Nov 21 21:24:20 2026 GMT", as ASN1_TIME_print writes it. */
  notBefore: string;
  notAfter: string;
  /** The names a client checks the host against: subjectAltName dNSNames, else the last CN. */
  dnsNames: string[];
  /** Whether the names come from subjectAltName (curl then ignores the CN). */
  fromSan: boolean;
  selfSigned: boolean;
  /** "EC/prime256v1 (256/128 Bits/secBits)", or undefined for a key svclab does not describe. */
  keyDescription?: string;
  /** "ecdsa-with-SHA256", or the dotted OID when unknown. */
  signatureAlgorithm: string;
  /** What a TLS 1.3 peer signs with: "id-ecPublicKey", "RSASSA-PSS", … (curl's fourth field). */
  peerSignatureType?: string;
}

export type ChainParse = { ok: true; chain: X509Info[] } | { ok: false; error: string };

/** The DER decoder (x509-der.ts), loaded apart: engine/libraries.ts provides it. */
export const x509Der = librarySlot<{ decodeCertificate(der: Uint8Array): X509Info }>('x509');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: "Nov  1 09:05:03 2026 GMT" (the day padded to two columns). */
export function asn1TimeText(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** The PEM blocks of a text, as Go's pem.Decode finds them (text around them is skipped). */
export function pemBlocks(text: string): { type: string; der: Uint8Array | undefined }[] {
  const out: { type: string; der: Uint8Array | undefined }[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    const body = m[2]!.replace(/\s+/g, '');
    let der: Uint8Array | undefined;
    try {
      der = base64.decode(body);
    } catch {
      der = undefined;
    }
    // pem.Decode refuses a block whose base64 is broken: it is not a block at all.
    if (der !== undefined) out.push({ type: m[1]!, der });
  }
  return out;
}

/**
 * Parses a serving certificate chain (tls.crt's text): the leaf first. The error is the tail of Envoy
 * Gateway's message (internal/gatewayapi/tls.go validateServingCertificateChain).
 *
 * @example
 * parseCertificateChain('not a certificate'); // { ok: false, error: "unable to decode pem data for certificate" }
 */
export function parseCertificateChain(text: string): ChainParse {
  const blocks = pemBlocks(text);
  if (blocks.length === 0) return { ok: false, error: 'unable to decode pem data for certificate' };
  const chain: X509Info[] = [];
  const { decodeCertificate } = x509Der.use();
  for (const b of blocks) {
    try {
      chain.push(decodeCertificate(b.der!));
    } catch {
      // x509.ParseCertificates' words for DER that is not a certificate.
      return { ok: false, error: 'x509: malformed certificate' };
    }
  }
  return { ok: true, chain };
}

/**
 * A Secret value as text: `data` is base64 (undefined when it is not), `stringData` is taken as written.
 *
 * @example secretText({ data: { 'tls.crt': 'LS0t…' } }, 'tls.crt'); // "-----BEGIN CERTIFICATE-----\n…"
 */
export function secretText(
  s: { data?: Record<string, string>; stringData?: Record<string, string> },
  key: string,
): string | undefined {
  const plain = s.stringData?.[key];
  if (plain !== undefined) return plain;
  const encoded = s.data?.[key];
  if (encoded === undefined) return undefined;
  try {
    return utf8.encode(base64.decode(encoded.replace(/\s+/g, '')));
  } catch {
    return undefined;
  }
}
