/**
 * One iptables rule from one argument list: the same tokens kube-proxy hands to iptables-restore are parsed
 * into the structured matches the evaluator executes and joined into the text the student reads, so the two
 * can never disagree (architecture principle 3).
 *
 * @example
 * const r = makeRule('KUBE-SVC-X', ['-m', 'statistic', '--mode', 'random', '--probability', '0.5000000000',
 *   '-j', 'KUBE-SEP-Y']);
 * r.restoreText; // "-A KUBE-SVC-X -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-Y"
 * r.text; // "-A KUBE-SVC-X -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-Y" (iptables-save)
 * r.match.probability; // 0.5
 */
import { kernelProbability, saveLine } from './rule-save';
import type { Rule, RuleMatch, RuleTarget } from './types';

function quote(token: string): string {
  // kube-proxy writes comments with spaces as `"…"` (literal quotes); single words stay bare.
  return /[\s"]/.test(token) ? `"${token}"` : token;
}

function parseMark(text: string): { value: number; mask: number } {
  const [v, m] = text.split('/');
  const value = Number(v);
  return { value, mask: m === undefined ? 0xffffffff : Number(m) };
}

function parseArgs(chain: string, args: readonly string[]): { match: RuleMatch; target: RuleTarget } {
  const match: RuleMatch = {};
  let target: RuleTarget = { kind: 'none' };
  let negate = false;
  let i = 0;
  const next = (): string => {
    const t = args[++i];
    if (t === undefined) throw new Error(`iptables rule for ${chain}: missing value after ${args[i - 1]}`);
    return t;
  };
  for (; i < args.length; i++) {
    const t = args[i]!;
    const neg = negate;
    negate = false;
    switch (t) {
      case '!':
        negate = true;
        break;
      case '-m': // the module name only selects options; the options carry the meaning
        next();
        break;
      case '--comment':
        match.comment = next();
        break;
      case '-p':
        match.protocol = next() as RuleMatch['protocol'];
        break;
      case '-s':
        match.src = neg ? { cidr: next(), negate: true } : { cidr: next() };
        break;
      case '-d':
        match.dst = neg ? { cidr: next(), negate: true } : { cidr: next() };
        break;
      case '--dport':
        match.dport = Number(next());
        break;
      case '--destination-ports':
      case '--dports':
        match.dports = next().split(',').map(Number);
        break;
      case '--src-type':
        match.srcType = neg ? { type: next() as 'LOCAL', negate: true } : { type: next() as 'LOCAL' };
        break;
      case '--dst-type':
        match.dstType = neg ? { type: next() as 'LOCAL', negate: true } : { type: next() as 'LOCAL' };
        break;
      case '--mark':
        match.mark = { ...parseMark(next()), ...(neg ? { negate: true } : {}) };
        break;
      case '--ctstate':
        match.ctstate = { states: next().split(','), ...(neg ? { negate: true } : {}) };
        break;
      case '--mode':
        next(); // "random" is the only mode kube-proxy uses
        break;
      case '--probability':
        // The kernel keeps lround(p * 2^31): that, not the printed decimal, is the chance it applies.
        match.probability = kernelProbability(Number(next()));
        break;
      case '--name':
        match.recent = { name: next(), op: 'set' };
        break;
      case '--rcheck':
        match.recent = { ...match.recent!, op: 'rcheck' };
        break;
      case '--set':
        match.recent = { ...match.recent!, op: 'set' };
        break;
      case '--seconds':
        match.recent = { ...match.recent!, seconds: Number(next()) };
        break;
      case '--reap':
        match.recent = { ...match.recent!, reap: true };
        break;
      case '--match-set': {
        const name = next();
        match.set = { name, flags: next(), ...(neg ? { negate: true } : {}) };
        break;
      }
      case '--physdev-is-in':
        match.physdevIsIn = neg ? { negate: true } : {};
        break;
      case '--nfacct-name':
        match.nfacct = next();
        break;
      case '-j': {
        const j = next();
        if (j === 'DNAT') target = { kind: 'DNAT', toDestination: '' };
        else if (j === 'MARK') target = { kind: 'MARK', op: 'or', value: 0 };
        else if (j === 'MASQUERADE') target = { kind: 'MASQUERADE' };
        else if (j === 'RETURN' || j === 'ACCEPT' || j === 'DROP' || j === 'REJECT') target = { kind: j };
        else target = { kind: 'jump', chain: j };
        break;
      }
      case '--to-destination':
        target = { kind: 'DNAT', toDestination: next() };
        break;
      case '--or-mark':
        target = { kind: 'MARK', op: 'or', value: Number(next()) };
        break;
      case '--xor-mark':
        target = { kind: 'MARK', op: 'xor', value: Number(next()) };
        break;
      case '--set-xmark': {
        const { value, mask } = parseMark(next());
        target = { kind: 'MARK', op: 'set', value, ...(mask !== 0xffffffff ? { mask } : {}) };
        break;
      }
      case '--random-fully':
        target = { kind: 'MASQUERADE', randomFully: true };
        break;
      default:
        throw new Error(`iptables rule for ${chain}: unknown token ${t}`);
    }
  }
  return { match, target };
}

/**
 * A rule built from its argument list. Text and matches are derived from the same tokens on first use
 * (a 10,000-Service ruleset has ~300,000 rules, and most are never printed or walked).
 */
class ArgsRule implements Rule {
  private parsed?: { match: RuleMatch; target: RuleTarget };
  private printed?: string;
  private restorePrinted?: string;
  private dest?: string | null;
  constructor(
    readonly chain: string,
    private readonly args: readonly string[],
    readonly service?: string,
    private readonly family?: 'IPv6',
  ) {}
  get match(): RuleMatch {
    return (this.parsed ??= parseArgs(this.chain, this.args)).match;
  }
  get target(): RuleTarget {
    return (this.parsed ??= parseArgs(this.chain, this.args)).target;
  }
  get text(): string {
    return (this.printed ??= saveLine(this.chain, this.args, this.family));
  }
  /**
   * "ip|port|proto" when the rule pins an exact destination (port-only rules give "*|port|proto"), read off
   * the tokens without parsing the whole rule: what iptables/chain-index.ts files the rule under.
   */
  destKey(): string | undefined {
    // Kept: a Service's rules are shared by every node and re-indexed after each edit.
    if (this.dest === undefined) this.dest = this.scanDestKey() ?? null;
    return this.dest ?? undefined;
  }

  private scanDestKey(): string | undefined {
    const a = this.args;
    let ip = '*';
    let port = '';
    let proto = '';
    for (let i = 0; i < a.length; i++) {
      const t = a[i];
      if (t === '-d' && a[i - 1] !== '!') {
        const d = a[i + 1]!;
        ip = d.includes('/') ? (d.endsWith('/32') ? d.slice(0, -3) : '*') : d;
      } else if (t === '--dport') port = a[i + 1]!;
      else if (t === '-p') proto = a[i + 1]!;
    }
    return port === '' || proto === '' ? undefined : `${ip}|${port}|${proto}`;
  }
  get restoreText(): string {
    return (this.restorePrinted ??= `-A ${this.chain} ${this.args.map(quote).join(' ')}`.trimEnd());
  }
}

/**
 * Builds a rule for `chain` from kube-proxy's argument tokens (everything after `-A CHAIN`); `family`
 * 'IPv6' for an ip6tables rule (it prints as ip6tables-save does). Unknown tokens are a programming
 * error, so parsing throws: every token must mean something.
 */
export function makeRule(
  chain: string,
  args: readonly string[],
  service?: string,
  family: 'IPv4' | 'IPv6' = 'IPv4',
): Rule {
  return family === 'IPv6' ? new ArgsRule(chain, args, service, family) : new ArgsRule(chain, args, service);
}
