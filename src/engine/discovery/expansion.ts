/**
 * Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion): `$(NAME)` is replaced by the
 * variable's value when it is known and left as written when it is not; `$$` is an escaped `$`, so
 * `$$(NAME)` stays `$(NAME)`; a `$` followed by anything else is kept.
 */

/**
 * Expands `$(NAME)` references with a lookup function.
 *
 * @example
 * expandVars('http://$(DB_SERVICE_HOST):$(PORT)', (n) => ({ DB_SERVICE_HOST: '10.96.0.42' })[n]);
 * // "http://10.96.0.42:$(PORT)"
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      i++;
      continue;
    }
    const next = input[i + 1]!;
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        // An unclosed reference is kept as it was written.
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = lookup(name);
      out += value ?? `$(${name})`;
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
