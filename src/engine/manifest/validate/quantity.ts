/**
 * resource.Quantity as the API server reads and prints it (apimachinery/pkg/api/resource): a value kept
 * exactly (here in nano-units as a bigint, the precision Kubernetes rounds to) and the format it was
 * written in, printed back in canonical form by `String()`: decimal values with the largest SI suffix that
 * keeps the number whole (`0.1` → `100m`, `2000m` → `2`, `1000` → `1k`), binary values with the largest
 * power of 1024 (`1024Mi` → `1Gi`), and a binary value under 1024 or not whole in decimal.
 *
 * @example
 * quantityString(parseQuantity('0.5Gi')!); // "512Mi"
 */
export interface Quantity {
  /** The value × 10⁹, rounded up as Kubernetes rounds a quantity to nano precision. */
  nanos: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 10n ** 9n;

const pow10 = (e: number): bigint => 10n ** BigInt(e);

/** value = digits × 10^exp × 2^bin, as nanos rounded up (away from zero for a positive remainder). */
function toNanos(digits: bigint, exp: number, bin: number): bigint {
  let num = digits * 2n ** BigInt(bin);
  let den = 1n;
  const e = exp + 9;
  if (e >= 0) num *= pow10(e);
  else den = pow10(-e);
  const q = num / den;
  return num % den === 0n ? q : num > 0n ? q + 1n : q;
}

/**
 * Parses a quantity string (ParseQuantity), or undefined when it does not match Kubernetes' grammar.
 *
 * @example parseQuantity('100m')!.nanos; // 100000000n
 */
export function parseQuantity(text: string | number): Quantity | undefined {
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const num = m[1]!;
  const suffix = m[2]!;
  const sign = num.startsWith('-') ? -1n : 1n;
  const body = num.replace(/^[+-]/, '');
  if ((body.match(/\./g) ?? []).length > 1 || body === '.' || body === '') return undefined;
  const [whole = '', frac = ''] = body.split('.');
  const digits = BigInt(`${whole}${frac}` || '0') * sign;
  let exp = -frac.length;
  let bin = 0;
  let format: Quantity['format'] = 'DecimalSI';
  if (suffix in DECIMAL) exp += DECIMAL[suffix]!;
  else if (suffix in BINARY) {
    bin = BINARY[suffix]!;
    format = 'BinarySI';
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    exp += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else return undefined;
  if (Math.abs(exp) > 60) return undefined;
  return { nanos: toNanos(digits, exp, bin), format };
}

const SI_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G' };
Object.assign(SI_SUFFIX, { 12: 'T', 15: 'P', 18: 'E' });
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function decimalString(nanos: bigint, exponentStyle: boolean): string {
  if (nanos === 0n) return '0';
  let mantissa = nanos;
  let exp = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  // The exponent goes down to a multiple of 3 (the mantissa grows), and no higher than E.
  while (((exp % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exp--;
  }
  while (exp > 18) {
    mantissa *= 1000n;
    exp -= 3;
  }
  if (exponentStyle) return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  return `${mantissa}${SI_SUFFIX[exp] ?? ''}`;
}

/**
 * Quantity.String(): the canonical form kubectl shows in error messages.
 *
 * @example quantityString(parseQuantity('1024Mi')!); // "1Gi"
 */
export function quantityString(q: Quantity): string {
  if (q.format === 'BinarySI') {
    const v = q.nanos;
    const whole = v % NANO === 0n;
    if (whole && (v >= 1024n * NANO || v <= -1024n * NANO)) {
      let mantissa = v / NANO;
      let i = 0;
      while (i < BIN_SUFFIX.length - 1 && mantissa % 1024n === 0n) {
        mantissa /= 1024n;
        i++;
      }
      return `${mantissa}${BIN_SUFFIX[i]}`;
    }
    return decimalString(v, false);
  }
  return decimalString(q.nanos, q.format === 'DecimalExponent');
}

/** Cmp: -1, 0 or 1. */
export const compareQuantity = (a: Quantity, b: Quantity): number =>
  a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
