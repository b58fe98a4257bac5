/**
 * A rule's line as `iptables-save` prints it on a real node, from the argument list kube-proxy hands to
 * iptables-restore. The kernel keeps a rule as structures, not text, so the tool prints its own normal
 * form: `-s`/`-d` (with `/32`) first, then `-p`, then each `-m` match with its options in the order the
 * match saves them, then `-j` with the target's options. Each match prints as its extension's save
 * function does (iptables extensions/libxt_*.c):
 * - comment: `--comment` + xtables_save_string (bare only when made of [A-Za-z0-9_-], else `"…"`);
 * - statistic: the kernel stores lround(p * 2^31), printed back as `%.11f` of that / 2^31;
 * - recent: `--set|--rcheck [--seconds N] [--reap] --name X --mask 255.255.255.255 --rsource`;
 * - MARK: `--or-mark V` is stored as mark V mask V, `--xor-mark V` as mark V mask 0, both printed `--set-xmark`;
 * - REJECT: `--reject-with icmp-port-unreachable` (the default, always printed);
 * - nfacct: `--nfacct-name ` + xtables_save_string, hence the two spaces real dumps show.
 *
 * @example
 * saveLine('KUBE-SERVICES', ['-m', 'comment', '--comment', 'kube-system/kube-dns:dns cluster IP', '-m', 'udp',
 *   '-p', 'udp', '-d', '10.96.0.10', '--dport', '53', '-j', 'KUBE-SVC-TCOU7JCQXEZGVUNU']);
 * // '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU'
 */

/** xtables_save_string: quote unless the value is non-empty and made only of [A-Za-z0-9_-]. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** The statistic match's probability as the kernel stores and iptables prints it (`%.11f`). */
export function savedProbability(text: string): string {
  return (Math.round(Number(text) * 0x80000000) / 0x80000000).toFixed(11);
}

/** The probability the kernel actually applies: lround(p * 2^31) / 2^31. */
export function kernelProbability(p: number): number {
  return Math.round(p * 0x80000000) / 0x80000000;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

function parseNum(text: string): number {
  return Number(text) >>> 0;
}

/** ip/mask as iptables prints an address: bare IPs get /32 (ip6tables: /128). */
function addr(text: string): string {
  return text.includes('/') ? text : text.includes(':') ? `${text}/128` : `${text}/32`;
}

/** Which match module an option belongs to (for options written without their `-m`). */
const OPTION_MODULE: Record<string, string> = {
  '--comment': 'comment',
  '--src-type': 'addrtype',
  '--dst-type': 'addrtype',
  '--mark': 'mark',
  '--ctstate': 'conntrack',
  '--mode': 'statistic',
  '--probability': 'statistic',
  '--name': 'recent',
  '--rcheck': 'recent',
  '--set': 'recent',
  '--seconds': 'recent',
  '--reap': 'recent',
  '--match-set': 'set',
  '--physdev-is-in': 'physdev',
  '--nfacct-name': 'nfacct',
  '--destination-ports': 'multiport',
  '--dports': 'multiport',
};

/** Options that take no value. */
const FLAGS = new Set(['--rcheck', '--set', '--reap', '--physdev-is-in', '--random-fully']);

interface Opt {
  name: string;
  values: string[];
  negate: boolean;
}

const CT_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

function opt(opts: Opt[], name: string): Opt | undefined {
  return opts.find((o) => o.name === name);
}

const neg = (o: Opt): string => (o.negate ? ' !' : '');

/** One match's options as its save function prints them (`v6`: ip6tables, libxt's *_save6 functions). */
function saveMatch(module: string, opts: Opt[], v6: boolean): string {
  let out = ` -m ${module}`;
  const put = (name: string, f: (o: Opt) => string): void => {
    const o = opt(opts, name);
    if (o) out += f(o);
  };
  switch (module) {
    case 'comment':
      put('--comment', (o) => ` --comment ${saveString(o.values[0]!)}`);
      break;
    case 'tcp':
    case 'udp':
    case 'sctp':
      put('--sport', (o) => `${neg(o)} --sport ${o.values[0]}`);
      put('--dport', (o) => `${neg(o)} --dport ${o.values[0]}`);
      break;
    case 'addrtype':
      put('--src-type', (o) => `${neg(o)} --src-type ${o.values[0]}`);
      put('--dst-type', (o) => `${neg(o)} --dst-type ${o.values[0]}`);
      break;
    case 'mark':
      put('--mark', (o) => {
        const [v, m] = o.values[0]!.split('/');
        const mask = m === undefined ? 0xffffffff : parseNum(m);
        return `${neg(o)} --mark ${hex(parseNum(v!))}${mask === 0xffffffff ? '' : `/${hex(mask)}`}`;
      });
      break;
    case 'conntrack':
      put('--ctstate', (o) => {
        const states = o.values[0]!.split(',');
        const sorted = CT_ORDER.filter((s) => states.includes(s));
        return `${neg(o)} --ctstate ${sorted.join(',')}`;
      });
      break;
    case 'statistic':
      out += ' --mode random';
      put('--probability', (o) => ` --probability ${savedProbability(o.values[0]!)}`);
      break;
    case 'recent': {
      const check = opt(opts, '--rcheck') ?? opt(opts, '--set');
      if (check) out += `${neg(check)} ${check.name}`;
      put('--seconds', (o) => ` --seconds ${o.values[0]}`);
      put('--reap', () => ' --reap');
      put('--name', (o) => ` --name ${o.values[0]}`);
      out += v6
        ? ' --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource'
        : ' --mask 255.255.255.255 --rsource';
      break;
    }
    case 'set':
      put('--match-set', (o) => `${neg(o)} --match-set ${o.values[0]} ${o.values[1]}`);
      break;
    case 'multiport':
      // libxt_multiport saves --destination-ports as its short form.
      put('--destination-ports', (o) => `${neg(o)} --dports ${o.values[0]}`);
      put('--dports', (o) => `${neg(o)} --dports ${o.values[0]}`);
      break;
    case 'physdev':
      put('--physdev-is-in', (o) => `${neg(o)} --physdev-is-in`);
      break;
    case 'nfacct':
      put('--nfacct-name', (o) => ` --nfacct-name  ${saveString(o.values[0]!)}`);
      break;
    default:
      throw new Error(`iptables-save: no save format for match ${module}`);
  }
  return out;
}

function saveTarget(target: string, opts: Opt[], v6: boolean): string {
  switch (target) {
    case 'DNAT':
      return ` -j DNAT --to-destination ${opt(opts, '--to-destination')!.values[0]}`;
    case 'MARK': {
      const or = opt(opts, '--or-mark');
      const xor = opt(opts, '--xor-mark');
      const set = opt(opts, '--set-xmark');
      if (or) return ` -j MARK --set-xmark ${hex(parseNum(or.values[0]!))}/${hex(parseNum(or.values[0]!))}`;
      if (xor) return ` -j MARK --set-xmark ${hex(parseNum(xor.values[0]!))}/0x0`;
      const [v, m] = set!.values[0]!.split('/');
      return ` -j MARK --set-xmark ${hex(parseNum(v!))}/${hex(m === undefined ? 0xffffffff : parseNum(m))}`;
    }
    case 'MASQUERADE':
      return opt(opts, '--random-fully') ? ' -j MASQUERADE --random-fully' : ' -j MASQUERADE';
    case 'REJECT':
      // libip6t_REJECT's default is icmp6-port-unreachable.
      return v6
        ? ' -j REJECT --reject-with icmp6-port-unreachable'
        : ' -j REJECT --reject-with icmp-port-unreachable';
    default:
      return ` -j ${target}`;
  }
}

/**
 * The `-A CHAIN …` line iptables-save (`family` 'IPv6': ip6tables-save) prints for a rule given as
 * kube-proxy's restore arguments. Throws on an option it does not know, like the rule parser: every token
 * must mean something.
 */
export function saveLine(chain: string, args: readonly string[], family?: 'IPv4' | 'IPv6'): string {
  const v6 = family === 'IPv6';
  let src = '';
  let dst = '';
  let proto = '';
  const matches: { module: string; opts: Opt[] }[] = [];
  let target = '';
  const targetOpts: Opt[] = [];
  let current: { module: string; opts: Opt[] } | undefined;
  let negate = false;
  const moduleFor = (name: string): { module: string; opts: Opt[] } => {
    // --dport belongs to the protocol match; other options to their own module, loaded implicitly if needed.
    const module =
      name === '--dport' || name === '--sport' ? proto || current?.module || '' : OPTION_MODULE[name];
    if (module === undefined || module === '') throw new Error(`iptables-save: unknown option ${name}`);
    if (current?.module === module) return current;
    let m = matches.find((x) => x.module === module);
    if (!m) matches.push((m = { module, opts: [] }));
    return m;
  };
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    const n = negate;
    negate = false;
    if (t === '!') negate = true;
    else if (t === '-s') src = ` ${n ? '! ' : ''}-s ${addr(args[++i]!)}`;
    else if (t === '-d') dst = ` ${n ? '! ' : ''}-d ${addr(args[++i]!)}`;
    else if (t === '-p') proto = args[++i]!;
    else if (t === '-m') {
      const module = args[++i]!;
      current = matches.find((x) => x.module === module);
      if (!current) matches.push((current = { module, opts: [] }));
    } else if (t === '-j') {
      target = args[++i]!;
      current = undefined;
    } else if (target !== '') {
      const values = FLAGS.has(t) ? [] : [args[++i]!];
      targetOpts.push({ name: t, values, negate: n });
    } else {
      const m = moduleFor(t);
      const values = FLAGS.has(t) ? [] : t === '--match-set' ? [args[++i]!, args[++i]!] : [args[++i]!];
      m.opts.push({ name: t, values, negate: n });
    }
  }
  let line = `-A ${chain}${src}${dst}${proto ? ` -p ${proto}` : ''}`;
  for (const m of matches) line += saveMatch(m.module, m.opts, v6);
  if (target !== '') line += saveTarget(target, targetOpts, v6);
  return line;
}
