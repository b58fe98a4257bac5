/**
 * Tables for custom resources, as the API server builds them from a CRD's additionalPrinterColumns
 * (apiextensions-apiserver's tableconvertor): NAME, then each column's JSONPath result — one value as
 * is, several joined with ",", lists and maps as JSON (`["shop.example.com"]`), `date` columns as an
 * age — with `priority: 1` columns only under `-o wide`.
 *
 * @example
 * crdPrinter(crdForKind('Gateway')!).columns; // ["NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"]
 */
import { humanDuration, parseTimestamp } from '../cluster/time';
import type { KubeObject } from '../k8s/objects';
import type { Crd, PrinterColumn } from '../manifest/crd/registry';
import type { Printer } from './get-printers';

type Json = unknown;

/**
 * The subset of kubectl's JSONPath the Gateway API columns use: `.a.b`, `[*]`, and filters
 * `[?(@.k=="v")]`. Returns every value the path reaches.
 *
 * @example
 * jsonPath(gw, '.status.conditions[?(@.type=="Programmed")].status'); // ["True"]
 */
export function jsonPath(root: Json, path: string): Json[] {
  let values: Json[] = [root];
  const re = /\.([A-Za-z0-9_-]+)|\[\*\]|\[\?\(@\.([A-Za-z0-9_-]+)=="([^"]*)"\)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    const next: Json[] = [];
    for (const v of values) {
      if (m[1] !== undefined) {
        if (v && typeof v === 'object' && !Array.isArray(v) && m[1] in (v as object))
          next.push((v as Record<string, Json>)[m[1]]);
      } else if (m[0] === '[*]') {
        if (Array.isArray(v)) next.push(...v);
      } else if (Array.isArray(v)) {
        next.push(
          ...v.filter((x) => x && typeof x === 'object' && (x as Record<string, Json>)[m![2]!] === m![3]),
        );
      }
    }
    values = next;
  }
  return values.filter((v) => v !== undefined && v !== null);
}

function cell(o: KubeObject, c: PrinterColumn, now: number): string {
  const values = jsonPath(o, c.jsonPath);
  if (c.type === 'date') {
    const t = typeof values[0] === 'string' ? parseTimestamp(values[0]) : undefined;
    return t === undefined ? '<unknown>' : humanDuration(now - t);
  }
  return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
}

/**
 * The table printer of a CRD's served version.
 *
 * @example
 * crdPrinter(crdForKind('HTTPRoute')!).row(route, { wide: false, now: 0 }); // ["shop", '["shop.example.com"]', "0s"]
 */
export function crdPrinter(crd: Crd): Printer {
  const cols = crd.versions.find((v) => v.storage)?.printerColumns ?? crd.versions[0]?.printerColumns ?? [];
  const normal = cols.filter((c) => !c.priority);
  const wide = cols.filter((c) => c.priority);
  return {
    columns: ['NAME', ...normal.map((c) => c.name.toUpperCase())],
    wideColumns: wide.map((c) => c.name.toUpperCase()),
    row: (o, opts) => [o.metadata.name ?? '', ...normal.map((c) => cell(o, c, opts.now))],
    wideRow: (o, opts) => wide.map((c) => cell(o, c, opts.now)),
  };
}

/** Custom resources as `kubectl get -o json/yaml` prints them: Go marshals their maps with sorted keys. */
export function sortedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortedKeys) as T;
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortedKeys(o[k])]),
  ) as T;
}
