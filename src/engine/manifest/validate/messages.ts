/**
 * The string checks of apimachinery (pkg/util/validation/validation.go, ip.go and
 * pkg/api/validate/content), word for word. Each returns the list of failure messages
 * (empty when valid), like the Go functions.
 *
 * @example
 * isDNS1123Label('Web'); // ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
 */
/** validation.MaxLenError ("characters"; content.MaxLenError says "bytes", see labelValue). */
export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
const contentMaxLenError = (n: number): string => `must be no more than ${n} bytes`;
export const inclusiveRangeError = (lo: number, hi: number): string =>
  `must be between ${lo} and ${hi}, inclusive`;

export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // Literally Go's loop, including the double space it leaves before "or".
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';

const re = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = re(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = re(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = re(DNS1035_LABEL_FMT);
const LABEL_KEY = re(LABEL_KEY_FMT);
const LABEL_VALUE = re(LABEL_VALUE_FMT);
const WILDCARD = re(WILDCARD_FMT);
const CONFIG_MAP_KEY = re(CONFIG_MAP_KEY_FMT);

/** Go's len(string) counts UTF-8 bytes. */
export function byteLen(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const DNS1123_LABEL_US_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_US_FMT = `${DNS1123_LABEL_US_FMT}(\\.${DNS1123_LABEL_US_FMT})*`;
const DNS1123_SUBDOMAIN_US = re(DNS1123_SUBDOMAIN_US_FMT);

/** IsDNS1123SubdomainWithUnderscore (pod dnsConfig.searches with RelaxedDNSSearchValidation). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_US.test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_US_FMT,
        'example.com',
      ),
    );
  return errs;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) errs.push('must not contain dots');
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          'my-name',
          '123-abc',
        ),
      );
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(value))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    );
  return errs;
}

export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!WILDCARD.test(value))
    errs.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        WILDCARD_FMT,
        '*.example.com',
      ),
    );
  return errs;
}

/** IsValidPortName: IANA_SVC_NAME, lower-case only. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLen(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen');
  return errs;
}

export const isValidPortNum = (port: number): string[] =>
  port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];

/** content.IsLabelKey (a.k.a. IsQualifiedName). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const keyMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(keyMsg, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLen(name) > 63) errs.push(`name part ${contentMaxLenError(63)}`);
  if (!LABEL_KEY.test(name))
    errs.push(`name part ${regexError(keyMsg, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** content.IsLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(contentMaxLenError(63));
  if (!LABEL_VALUE.test(value))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  return errs;
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(value))
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

// ── IP addresses (ip.go; netutils.ParseIPSloppy accepts IPv4 with leading zeros) ──

const IPV6 = /^[0-9a-fA-F:.]+$/;

/** A loose IPv6 syntax check: hex groups, at most one "::", optional trailing dotted IPv4. */
function parseIPv6(s: string): number[] | undefined {
  if (!IPV6.test(s) || !s.includes(':')) return undefined;
  let tail: number[] = [];
  let head = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4Sloppy(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    const prefix = s.slice(0, lastColon + 1); // keeps the ':' before the IPv4 part
    head = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const a = groups(halves[0]!);
  const b = halves.length === 2 ? groups(halves[1]!) : [];
  if (!a || !b) return undefined;
  const total = a.length + b.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  return [...a, ...Array(8 - total).fill(0), ...b, ...tail];
}

function parseIPv4Sloppy(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** The address as 4 (IPv4) or 16 (IPv6) bytes, or undefined when it does not parse. */
export function parseIpSloppy(s: string): number[] | undefined {
  const v4 = parseIPv4Sloppy(s);
  if (v4) return v4;
  const v6 = parseIPv6(s);
  if (!v6) return undefined;
  return v6.flatMap((g) => [g >> 8, g & 0xff]);
}

export const IP_INVALID = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const CIDR_INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export const isValidIP = (s: string): string[] => (parseIpSloppy(s) ? [] : [IP_INVALID]);
export const isValidIPv4Address = (s: string): string[] =>
  (parseIPv4Sloppy(s) ?? isV4Mapped(s)) ? [] : ['must be a valid IPv4 address'];

/** validation.IsValidIPv6Address: parses (sloppily) and is not an IPv4 address (ip.To4() == nil). */
export const isValidIPv6Address = (s: string): string[] =>
  !parseIPv4Sloppy(s) && parseIPv6(s) && !isV4Mapped(s) ? [] : ['must be a valid IPv6 address'];

function isV4Mapped(s: string): boolean {
  const b = parseIPv6(s);
  return !!b && b.slice(0, 5).every((g) => g === 0) && b[5] === 0xffff;
}

export function isValidCIDR(s: string): string[] {
  const slash = s.indexOf('/');
  if (slash === -1) return [CIDR_INVALID];
  const ip = parseIpSloppy(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bits) || Number(bits) > ip.length * 8) return [CIDR_INVALID];
  return [];
}

/**
 * ValidateNonSpecialIP / ValidateEndpointIP details for a parseable address.
 *
 * @example
 * specialIpErrors('127.0.0.1'); // ['may not be in the loopback range (127.0.0.0/8, ::1/128)']
 */
export function specialIpErrors(s: string): string[] {
  const b = parseIpSloppy(s);
  if (!b) return ['must be a valid IP address'];
  const v4 = b.length === 4 ? b : isV4Mapped(s) ? b.slice(12) : undefined;
  const errs: string[] = [];
  const v6 = v4 ? undefined : b;
  const unspecified = v4 ? v4.every((x) => x === 0) : v6!.every((x) => x === 0);
  const loopback = v4 ? v4[0] === 127 : v6!.slice(0, 15).every((x) => x === 0) && v6![15] === 1;
  const linkLocal = v4 ? v4[0] === 169 && v4[1] === 254 : v6![0] === 0xfe && (v6![1]! & 0xc0) === 0x80;
  const llMulticast = v4
    ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0
    : v6![0] === 0xff && (v6![1]! & 0x0f) === 0x02;
  if (unspecified) errs.push(`may not be unspecified (${s})`);
  if (loopback) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (linkLocal) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (llMulticast) errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return errs;
}
