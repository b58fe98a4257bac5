/**
 * grpcurl's command line as its Go flag set reads it (fullstorydev/grpcurl v1.9.3 cmd/grpcurl/grpcurl.go):
 * flags take one or two dashes and `-flag value` or `-flag=value`, and stop at the first argument that
 * is not a flag (so `grpcurl -plaintext ADDR svc/Method -d '{}'` has too many arguments). Then
 * `ADDR SYMBOL`. svclab reads `-plaintext`, `-d`, `-H`, `-rpc-header`, `-reflect-header`, `-authority`,
 * `-max-time`, `-connect-timeout` and its own `--from SRC`; grpcurl's usage errors print as grpcurl
 * prints them (exit 2).
 *
 * @example
 * parseGrpcurlArgs(['-plaintext', '-H', 'version: two', '10.0.0.1:80', 'echo.Echo/Ping']);
 * // { options: { plaintext: true, headers: ["version: two"], address: "10.0.0.1:80", symbol: "echo.Echo/Ping", … } }
 */
import { msg, type Msg } from '../messages';

export interface GrpcurlOptions {
  from?: string;
  plaintext: boolean;
  data?: string;
  headers: string[];
  rpcHeaders: string[];
  reflectHeaders: string[];
  authority?: string;
  maxTime?: number;
  connectTimeout?: number;
  address: string; // "198.51.100.1:80"
  symbol: string; // "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo"
}

/** grpcurl's own usage failure: its line, then "Try 'grpcurl -help' for more details." (exit 2). */
export const grpcurlUsage = (line: string): string => `${line}\nTry 'grpcurl -help' for more details.\n`;

const VALUED = new Set([
  'd',
  'H',
  'rpc-header',
  'reflect-header',
  'authority',
  'max-time',
  'connect-timeout',
  'from',
]);
const BOOLEAN = new Set(['plaintext']);

/**
 * Parses grpcurl's arguments. `error`: grpcurl's own words (printed as grpcurl prints them); `svclab`:
 * something svclab does not simulate (a usage error of svclab's).
 *
 * @example parseGrpcurlArgs(['-plaintext', '10.0.0.1:80']); // { error: "Too few arguments." }
 */
export function parseGrpcurlArgs(
  args: readonly string[],
): { options: GrpcurlOptions } | { error: string } | { svclab: Msg } {
  const o: Omit<GrpcurlOptions, 'address' | 'symbol'> = {
    plaintext: false,
    headers: [],
    rpcHeaders: [],
    reflectHeaders: [],
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i += 1;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (BOOLEAN.has(name)) {
      const v = eq < 0 ? 'true' : body.slice(eq + 1);
      if (v !== 'true' && v !== 'false')
        return { error: `invalid boolean value "${v}" for -${name}: parse error` };
      o.plaintext = v === 'true';
      continue;
    }
    if (!VALUED.has(name)) return { svclab: msg('usage.grpcurlFlag', { flag: a }) };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i]!;
    else return { error: `flag needs an argument: -${name}` };
    switch (name) {
      case 'd':
        o.data = value;
        break;
      case 'H':
        o.headers.push(value);
        break;
      case 'rpc-header':
        o.rpcHeaders.push(value);
        break;
      case 'reflect-header':
        o.reflectHeaders.push(value);
        break;
      case 'authority':
        o.authority = value;
        break;
      case 'from':
        o.from = value;
        break;
      default: {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n))
          return { error: `invalid value "${value}" for flag -${name}: parse error` };
        if (n < 0) return { error: `The -${name} argument must not be negative.` };
        if (name === 'max-time') o.maxTime = n;
        else o.connectTimeout = n;
      }
    }
  }
  const rest = args.slice(i);
  if (rest.length === 0) return { error: 'Too few arguments.' };
  if (rest[0] === 'list' || rest[0] === 'describe' || rest[1] === 'list' || rest[1] === 'describe')
    return { svclab: msg('usage.grpcurlReflectionVerb', {}) };
  if (rest.length < 2) return { error: 'Too few arguments.' };
  if (rest.length > 2) return { error: 'Too many arguments.' };
  if (!o.plaintext) return { svclab: msg('usage.grpcurlPlaintext', {}) };
  return { options: { ...o, address: rest[0]!, symbol: rest[1]! } };
}

/**
 * MetadataFromHeaders: "Name: value" pairs, the name lower case and both trimmed (a header without a
 * colon is a name with an empty value).
 *
 * @example metadataPairs(['Version: two']); // [["version", "two"]]
 */
export function metadataPairs(headers: readonly string[]): [string, string][] {
  return headers.map((h) => {
    const at = h.indexOf(':');
    return at < 0
      ? [h.trim().toLowerCase(), '']
      : [h.slice(0, at).trim().toLowerCase(), h.slice(at + 1).trim()];
  });
}
