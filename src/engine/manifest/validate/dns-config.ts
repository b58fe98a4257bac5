/**
 * validatePodDNSConfig (pkg/apis/core/validation/validation.go): with dnsPolicy None a dnsConfig with at
 * least one nameserver; at most 3 nameservers, each an IP; at most 32 search domains, 2048 characters in
 * all, each a subdomain (underscores allowed, a trailing dot ignored: RelaxedDNSSearchValidation); every
 * option named.
 *
 * @example
 * validatePodDNSConfig({ options: [{}] }, 'ClusterFirst', 'spec.dnsConfig')[0].message;
 * // "spec.dnsConfig.options[0]: Required value: must not be empty"
 */
import { goStringSlice, invalid, invalidEach, required, type FieldError } from './field';
import { isDNS1123SubdomainWithUnderscore, isValidIP } from './messages';
import { isObj } from './values';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : [];

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

export function validatePodDNSConfig(config: unknown, dnsPolicy: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const nameservers = isObj(config) ? strings(config.nameservers) : [];
  if (dnsPolicy === 'None') {
    if (!isObj(config)) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (nameservers.length === 0)
      return [
        required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None'),
      ];
  }
  if (!isObj(config)) return errs;
  if (nameservers.length > MAX_NAMESERVERS)
    errs.push(
      invalid(
        `${path}.nameservers`,
        goStringSlice(nameservers),
        `must not have more than ${MAX_NAMESERVERS} nameservers`,
      ),
    );
  nameservers.forEach((ns, i) => errs.push(...invalidEach(`${path}.nameservers[${i}]`, ns, isValidIP(ns))));
  const searches = strings(config.searches);
  if (searches.length > MAX_SEARCH_PATHS)
    errs.push(
      invalid(
        `${path}.searches`,
        goStringSlice(searches),
        `must not have more than ${MAX_SEARCH_PATHS} search paths`,
      ),
    );
  if (searches.join(' ').length > MAX_SEARCH_CHARS)
    errs.push(
      invalid(
        `${path}.searches`,
        goStringSlice(searches),
        `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`,
      ),
    );
  searches.forEach((search, i) => {
    if (search === '.') return;
    const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
    errs.push(...invalidEach(`${path}.searches[${i}]`, trimmed, isDNS1123SubdomainWithUnderscore(trimmed)));
  });
  const options = Array.isArray(config.options) ? config.options : [];
  options.forEach((o, i) => {
    const name = isObj(o) && typeof o.name === 'string' ? o.name : '';
    if (name === '') errs.push(required(`${path}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}
