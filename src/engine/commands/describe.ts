/**
 * `kubectl describe servicecidr [NAME…]`, as kubectl's ServiceCIDRDescriber prints it
 * (k8s.io/kubectl/pkg/describe: describeServiceCIDRV1): name, labels, annotations, the CIDRs, the
 * status's conditions as a table (LastTransitionTime in RFC 1123 with a numeric zone), and the Events,
 * all through one Go tabwriter (minwidth 0, tabwidth 8, padding 2, spaces). The servicecidrs controller
 * records no Event about a ServiceCIDR it keeps Terminating, so its Events are `<none>`. Other kinds
 * are not described yet: svclab says so and points at `get -o yaml`.
 *
 * @example
 * describeCommand(['servicecidr', 'kubernetes'], env).stdout;
 * // "Name:         kubernetes\nLabels:       <none>\n…CIDRs:        10.96.0.0/12\nStatus:\nConditions:\n  Type   …"
 */
import { parseTimestamp, SCENE_EPOCH } from '../cluster/time';
import type { ServiceCIDR } from '../k8s/objects';
import { msg, render } from '../messages';
import { fail, ok, type CommandHandler } from './types';
import { notFound } from './edit/common';
import { resourceType } from './get';

/**
 * Go's text/tabwriter over `text` (cells end at a tab; a line's last cell is not aligned): each column
 * block (consecutive lines that have a cell in that column) is as wide as its widest cell plus `padding`.
 *
 * @example tabwrite('a:\tx\nlonger:\ty\n'); // "a:       x\nlonger:  y\n"
 */
export function tabwrite(text: string, padding = 2): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      out.push(cells.map((c, j) => (j < cells.length - 1 ? c.padEnd(widths[j] ?? 0) : c)).join(''));
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      write(start, i);
      start = i;
      let width = 0;
      for (; i < line1 && column < lines[i]!.length - 1; i++)
        width = Math.max(width, [...lines[i]![column]!].length + padding);
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--;
    }
    write(start, line1);
  };
  format(0, lines.length);
  return out.join('\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: "Thu, 01 Jan 2026 00:00:30 +0000" (Go's zero time for an empty one). */
function rfc1123z(text: string | undefined): string {
  const at = parseTimestamp(text ?? '');
  if (at === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date((SCENE_EPOCH + at) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/**
 * printLabelsMultiline / printAnnotationsMultiline: `<none>`, or one `k=v` a line, sorted (annotations
 * without kubectl's last-applied-configuration, which kubectl leaves out).
 */
function multiline(title: string, map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${map![k]}\n`).join('');
}

function describeServiceCIDR(c: ServiceCIDR): string {
  let text = `Name:\t${c.metadata.name ?? ''}\n`;
  text += multiline('Labels', c.metadata.labels);
  text += multiline('Annotations', c.metadata.annotations);
  text += `CIDRs:\t${(c.spec?.cidrs ?? []).join(', ')}\n`;
  const conditions = (c.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? [];
  if (conditions.length > 0) {
    text += 'Status:\nConditions:\n';
    text += '  Type\tStatus\tLastTransitionTime\tReason\tMessage\n';
    text += '  ----\t------\t------------------\t------\t-------\n';
    for (const k of conditions)
      text += `  ${k.type ?? ''}\t${k.status ?? ''}\t${rfc1123z(k.lastTransitionTime)}\t${k.reason ?? ''}\t${k.message ?? ''}\n`;
  }
  text += 'Events:\t<none>\n';
  return tabwrite(text);
}

export const describeCommand: CommandHandler = (args, env) => {
  const words = args.filter((w) => !w.startsWith('-'));
  const first = words[0];
  if (!first)
    return fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples\n',
    );
  const [typeWord, named] = first.includes('/')
    ? (first.split('/', 2) as [string, string])
    : [first, undefined];
  const type = resourceType(typeWord);
  if (!type) return fail(`error: the server doesn't have a resource type "${typeWord}"\n`);
  if (type.kind !== 'ServiceCIDR')
    return fail(`svclab: ${render(msg('usage.describeNotYet', { kind: type.kind }), env.lang)}\n`);
  const names = named ? [named, ...words.slice(1)] : words.slice(1);
  const all = env.cluster.serviceCIDRs;
  const chosen =
    names.length === 0 ? [...all].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)) : [];
  for (const n of names) {
    const c = all.find((x) => x.metadata.name === n);
    if (!c) return notFound(type, n);
    chosen.push(c);
  }
  return ok(chosen.map(describeServiceCIDR).join('\n\n'));
};
