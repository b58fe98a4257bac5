/**
 * What curl 8.5.0 on OpenSSL 3 prints with -v about a TLS handshake (lib/vtls/openssl.c: the handshake
 * trace, the CA store lines once the ClientHello is out, "SSL connection using", the "Server certificate"
 * block, the verify result, "Certificate level N"; lib/vtls/vtls.c: the ALPN lines; lib/http2.c: the
 * stream lines of an HTTP/2 request), and the lines curl adds on stderr after exit 60
 * (src/tool_operate.c CURL_CA_CERT_ERRORMSG).
 *
 * @example
 * tlsHandshakeLines(trace.tls!); // ["* ALPN: curl offers h2,http/1.1", "* TLSv1.3 (OUT), TLS handshake, Client hello (1):", …]
 */
import type { TlsView } from '../trace';

/** curl's advice after a certificate it could not verify (exit 60), as tool_operate.c prints it. */
export const CA_CERT_ERROR_TEXT =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.';

const IN = '* TLSv1.3 (IN), TLS handshake,';
const OUT = '* TLSv1.3 (OUT), TLS handshake,';

/**
 * The -v lines from the ClientHello to the end of the handshake (the error line itself is the caller's).
 *
 * @example tlsHandshakeLines({ alpnOffered: ['h2'], end: 'closed', verifyPeer: true }).length; // 4
 */
export function tlsHandshakeLines(tls: TlsView): string[] {
  const out = [`* ALPN: curl offers ${tls.alpnOffered.join(',')}`, `${OUT} Client hello (1):`];
  // The CA store is loaded after the ClientHello is sent, and only when the peer is verified.
  if (tls.verifyPeer) out.push('*  CAfile: /etc/ssl/certs/ca-certificates.crt', '*  CApath: /etc/ssl/certs');
  if (tls.end === 'closed') return out;
  out.push(`${IN} Server hello (2):`, `${IN} Encrypted Extensions (8):`, `${IN} Certificate (11):`);
  if (tls.end === 'untrusted') {
    // ssl_verify_alarm_type: every "no trusted issuer" error is the unknown_ca alert (2 << 8 | 48).
    out.push('* TLSv1.3 (OUT), TLS alert, unknown CA (560):');
    return out;
  }
  out.push(
    `${IN} CERT verify (15):`,
    `${IN} Finished (20):`,
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    `${OUT} Finished (20):`,
    `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / ${tls.peerSignatureType ?? 'UNDEF'}`,
    `* ALPN: server accepted ${tls.alpn ?? 'http/1.1'}`,
  );
  const leaf = tls.chain?.[0];
  if (leaf) {
    out.push(
      '* Server certificate:',
      `*  subject: ${leaf.subject}`,
      `*  start date: ${leaf.notBefore}`,
      `*  expire date: ${leaf.notAfter}`,
      `*  issuer: ${leaf.issuer}`,
    );
    if (tls.verify && tls.verify.code !== 0)
      out.push(
        `*  SSL certificate verify result: ${tls.verify.text} (${tls.verify.code}), continuing anyway.`,
      );
    else out.push('*  SSL certificate verify ok.');
    (tls.chain ?? []).forEach((c, i) => {
      if (c.keyDescription)
        out.push(
          `*   Certificate level ${i}: Public key type ${c.keyDescription}, signed using ${c.signatureAlgorithm}`,
        );
    });
  }
  return out;
}

/**
 * lib/http2.c h2_submit: the request's pseudo-headers and headers as curl logs them before sending.
 *
 * @example http2StreamLines('https://shop.example.com/', ['GET / HTTP/2', 'Host: shop.example.com']);
 */
export function http2StreamLines(url: string, requestLines: readonly string[]): string[] {
  const [first, ...headers] = requestLines;
  const [method = 'GET', path = '/'] = (first ?? '').split(' ');
  const host =
    headers
      .find((h) => h.toLowerCase().startsWith('host:'))
      ?.slice(5)
      .trim() ?? '';
  const out = [
    '* using HTTP/2',
    `* [HTTP/2] [1] OPENED stream for ${url}`,
    `* [HTTP/2] [1] [:method: ${method}]`,
    '* [HTTP/2] [1] [:scheme: https]',
    `* [HTTP/2] [1] [:authority: ${host}]`,
    `* [HTTP/2] [1] [:path: ${path}]`,
  ];
  for (const h of headers) {
    const i = h.indexOf(':');
    const name = h.slice(0, i).toLowerCase();
    if (name === 'host') continue;
    out.push(`* [HTTP/2] [1] [${name}: ${h.slice(i + 1).trim()}]`);
  }
  return out;
}
