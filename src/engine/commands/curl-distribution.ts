/**
 * svclab's summary for `curl --count N` (printed instead of the N bodies): how the requests spread over
 * pods, nodes and zones, the share the rules' chances expected beside each (simulate/distribution.ts), and
 * the χ² verdict. Given several URLs (curl fetches each in turn), the experiments stand side by side: one
 * group of columns per URL, numbered as the footer lines number them.
 *
 * @example
 * distributionText([{ dist, footer: '1000 requests from pod/client to http://web/ over …' }], 'en');
 * // "BACKEND         NODE     ZONE     REQUESTS   PERCENT   EXPECTED\ndefault/web-0   node-2   zone-a   491 …"
 */
import { render, type Lang } from '../messages';
import { fitMessage, type Distribution, type Histogram, type ShareRow } from '../simulate/distribution';

export interface Experiment {
  dist: Distribution;
  /** "1000 requests from pod/client to http://web/ over a new connection per request" */
  footer: string;
}

const percent = (n: number, total: number): string =>
  total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`;

function layout(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + 3)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** One table: the row's own columns, then REQUESTS/PERCENT/EXPECTED per experiment. */
function table(
  head: string[],
  own: (r: ShareRow) => string[],
  pick: (d: Distribution) => Histogram,
  exps: Experiment[],
): string {
  const prefix = (i: number): string => (exps.length > 1 ? `${i + 1}:` : '');
  const header = [...head];
  exps.forEach((_, i) => header.push(`${prefix(i)}REQUESTS`, `${prefix(i)}PERCENT`, `${prefix(i)}EXPECTED`));
  const keys = new Map<string, ShareRow>();
  for (const e of exps) for (const r of pick(e.dist).rows) if (!keys.has(r.key)) keys.set(r.key, r);
  const sorted = [...keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = [header];
  for (const k of sorted) {
    const cells = own(k);
    for (const e of exps) {
      const r = pick(e.dist).rows.find((x) => x.key === k.key);
      const total = e.dist.total;
      cells.push(
        String(r?.observed ?? 0),
        percent(r?.observed ?? 0, total),
        r === undefined ? percent(0, total) : r.expected === null ? '-' : percent(r.expected, total),
      );
    }
    rows.push(cells);
  }
  return layout(rows);
}

/** The tables (per pod, per node, per zone when nodes have zones), the verdicts and the footers. */
export function distributionText(exps: Experiment[], lang: Lang): string {
  const dash = (v: string | null): string => v ?? '-';
  const parts = [
    table(
      ['BACKEND', 'NODE', 'ZONE'],
      (r) => [r.key, dash(r.node), dash(r.zone)],
      (d) => d.byPod,
      exps,
    ),
    table(
      ['NODE', 'ZONE'],
      (r) => [r.key, dash(r.zone)],
      (d) => d.byNode,
      exps,
    ),
  ];
  if (exps.some((e) => e.dist.byZone.rows.length > 0))
    parts.push(
      table(
        ['ZONE'],
        (r) => [r.key],
        (d) => d.byZone,
        exps,
      ),
    );
  const prefix = (i: number): string => (exps.length > 1 ? `${i + 1}: ` : '');
  const verdicts = exps.map((e, i) => `${prefix(i)}${render(fitMessage(e.dist.byPod), lang)}`);
  const footers = exps.map((e, i) => `${prefix(i)}${e.footer}`);
  return `${parts.join('\n\n')}\n\n${verdicts.join('\n')}\n${footers.join('\n')}\n`;
}
