/**
 * Where a burst of requests went: one row per backend pod (or per failure outcome), in descending count.
 *
 * @example
 * tally(traces); // [{ label: 'default/web-1', count: 34, ok: true }, …]
 */
import type { Trace } from '../../engine';

export interface TallyRow {
  label: string; // "default/web-7c9d8-abcde" or the outcome ("timeout")
  count: number;
  ok: boolean;
}

export function tally(traces: readonly Trace[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const tr of traces) {
    const ok = tr.backend !== null && tr.outcome === 'delivered';
    const label = tr.backend?.pod ?? tr.outcome;
    const row = rows.get(label) ?? { label, count: 0, ok };
    row.count++;
    rows.set(label, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
