/**
 * The DER half of x509.ts: a certificate decoded with @peculiar/asn1-x509 into what curl and Envoy
 * Gateway read of it (X509Info). A library of its own (issue 17, cold load): x509.ts reaches it through
 * a slot (util/library-slot.ts) that engine/libraries.ts fills, so the page's worker loads the ASN.1
 * code only when a scene has a certificate to read.
 *
 * @example
 * decodeCertificate(pemBlocks(pem)[0].der!).dnsNames; // ["shop.example.com"]
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName, id_ce_subjectAltName, type Name } from '@peculiar/asn1-x509';
import { asn1TimeText, type X509Info } from './x509';

// OpenSSL's short names for the attribute types students put in a subject.
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
};

const SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
};

const EC_CURVES: Record<string, { name: string; bits: number; sec: number }> = {
  '1.2.840.10045.3.1.7': { name: 'prime256v1', bits: 256, sec: 128 },
  '1.3.132.0.34': { name: 'secp384r1', bits: 384, sec: 192 },
  '1.3.132.0.35': { name: 'secp521r1', bits: 521, sec: 256 },
};

// OpenSSL 3's security bits for RSA moduli (crypto/rsa/rsa_lib.c ossl_ifc_ffc_compute_security_bits).
const RSA_SECURITY: Record<number, number> = { 1024: 80, 2048: 112, 3072: 128, 4096: 152, 8192: 192 };

function attributeValue(v: Name[number][number]['value']): string {
  try {
    return v.toString();
  } catch {
    return '';
  }
}

function nameLine(name: Name): string {
  return name
    .map((rdn) =>
      rdn.map((atv) => `${ATTRIBUTE_NAMES[atv.type] ?? atv.type}=${attributeValue(atv.value)}`).join(' + '),
    )
    .join('; ');
}

function commonNames(name: Name): string[] {
  return name.flatMap((rdn) => rdn.filter((a) => a.type === '2.5.4.3').map((a) => attributeValue(a.value)));
}

/** The bit length of a DER INTEGER's content (the RSA modulus), without its sign byte. */
function integerBits(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** Reads the modulus length out of an RSAPublicKey SEQUENCE { INTEGER n, INTEGER e }. */
function rsaModulusBits(der: Uint8Array): number | undefined {
  // SEQUENCE header, then INTEGER header; lengths in DER short or long form.
  const len = (at: number): { n: number; next: number } | undefined => {
    const b = der[at];
    if (b === undefined) return undefined;
    if (b < 0x80) return { n: b, next: at + 1 };
    const count = b & 0x7f;
    let n = 0;
    for (let k = 0; k < count; k++) n = n * 256 + (der[at + 1 + k] ?? 0);
    return { n, next: at + 1 + count };
  };
  if (der[0] !== 0x30) return undefined;
  const seq = len(1);
  if (!seq || der[seq.next] !== 0x02) return undefined;
  const int = len(seq.next + 1);
  if (!int) return undefined;
  return integerBits(der.subarray(int.next, int.next + int.n));
}

function describeKey(cert: Certificate): { key?: string; peer?: string } {
  const spki = cert.tbsCertificate.subjectPublicKeyInfo;
  const alg = spki.algorithm.algorithm;
  if (alg === '1.2.840.10045.2.1') {
    const params = spki.algorithm.parameters;
    let curve: string | undefined;
    try {
      // ECParameters: namedCurve OBJECT IDENTIFIER.
      const bytes = params ? new Uint8Array(params) : undefined;
      if (bytes && bytes[0] === 0x06) curve = oidText(bytes.subarray(2, 2 + bytes[1]!));
    } catch {
      curve = undefined;
    }
    const c = curve ? EC_CURVES[curve] : undefined;
    return {
      ...(c ? { key: `EC/${c.name} (${c.bits}/${c.sec} Bits/secBits)` } : {}),
      peer: 'id-ecPublicKey',
    };
  }
  if (alg === '1.2.840.113549.1.1.1') {
    const bits = rsaModulusBits(new Uint8Array(spki.subjectPublicKey));
    const sec = bits !== undefined ? RSA_SECURITY[bits] : undefined;
    // TLS 1.3 signs with RSA-PSS whatever the certificate's own signature.
    return { ...(bits && sec ? { key: `RSA (${bits}/${sec} Bits/secBits)` } : {}), peer: 'RSASSA-PSS' };
  }
  if (alg === '1.3.101.112') return { key: 'ED25519 (253/128 Bits/secBits)', peer: 'ED25519' };
  return {};
}

/** A DER OBJECT IDENTIFIER's content as dotted text. */
function oidText(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  bytes.forEach((b, i) => {
    value = value * 128 + (b & 0x7f);
    if (b & 0x80) return;
    if (parts.length === 0 && i >= 0) {
      const first = value < 80 ? Math.floor(value / 40) : 2;
      parts.push(first, value - first * 40);
    } else parts.push(value);
    value = 0;
  });
  return parts.join('.');
}

function sameBytes(a: ArrayBuffer | undefined, b: ArrayBuffer | undefined): boolean {
  if (!a || !b || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.every((v, i) => v === y[i]);
}

function info(cert: Certificate): X509Info {
  const tbs = cert.tbsCertificate;
  const sanExt = tbs.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
  let san: string[] = [];
  if (sanExt) {
    const names = AsnConvert.parse(sanExt.extnValue.buffer, SubjectAlternativeName);
    san = names.filter((g) => g.dNSName !== undefined).map((g) => g.dNSName!);
  }
  const cns = commonNames(tbs.subject);
  const { key, peer } = describeKey(cert);
  return {
    subject: nameLine(tbs.subject),
    issuer: nameLine(tbs.issuer),
    notBefore: asn1TimeText(tbs.validity.notBefore.getTime()),
    notAfter: asn1TimeText(tbs.validity.notAfter.getTime()),
    dnsNames: sanExt ? san : cns.slice(-1),
    fromSan: Boolean(sanExt),
    selfSigned: sameBytes(AsnConvert.serialize(tbs.subject), AsnConvert.serialize(tbs.issuer)),
    ...(key ? { keyDescription: key } : {}),
    signatureAlgorithm: SIGNATURES[cert.signatureAlgorithm.algorithm] ?? cert.signatureAlgorithm.algorithm,
    ...(peer ? { peerSignatureType: peer } : {}),
  };
}

/** A DER certificate as X509Info; throws on DER that is not a certificate. */
export function decodeCertificate(der: Uint8Array): X509Info {
  const cert = AsnConvert.parse(
    der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer,
    Certificate,
  );
  return info(cert);
}
