/**
 * A kube-proxy box's Service chips are narrow: "echo-cluster" and "echo-local" cut at the end both read
 * "echo…". Each name is shortened in the middle instead, and where the chips shown together would still
 * read alike, the cut moves (more of the end kept, or more of the start) until names that differ read
 * differently. The full name stays in the chip's tooltip and accessible name.
 *
 * @example
 * chipLabels(['echo-cluster', 'echo-local'], 7); // ["ech…ter", "ech…cal"]
 */

/** `name` in at most `max` characters: its first `head` characters, "…", and as much of its end as fits. */
export function shortenMiddle(name: string, max: number, head: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const h = Math.max(0, Math.min(head, max - 1));
  const tail = max - 1 - h;
  return `${chars.slice(0, h).join('')}…${tail > 0 ? chars.slice(chars.length - tail).join('') : ''}`;
}

/**
 * Labels of at most `max` characters, one per name, as alike as the names: the first cut (half the
 * start, half the end) that tells every pair of different names apart, else that first cut.
 */
export function chipLabels(names: readonly string[], max: number): string[] {
  const start = Math.ceil((max - 1) / 2);
  // Keep more of the end first (suffixes tell Services apart more often), then more of the start.
  const heads = [start, ...range(start - 1, 0, -1), ...range(start + 1, max - 1, 1)];
  for (const head of heads) {
    const labels = names.map((n) => shortenMiddle(n, max, head));
    if (tellsApart(names, labels)) return labels;
  }
  return names.map((n) => shortenMiddle(n, max, start));
}

function range(from: number, to: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
  return out;
}

function tellsApart(names: readonly string[], labels: readonly string[]): boolean {
  const seen = new Map<string, string>();
  for (let i = 0; i < names.length; i++) {
    const other = seen.get(labels[i]!);
    if (other !== undefined && other !== names[i]) return false;
    seen.set(labels[i]!, names[i]!);
  }
  return true;
}

/** Inner width of a kube-proxy box, one chip's padding and borders, the gap between chips, a "+N" chip. */
const ROW = 210;
const CHIP_EDGES = 16;
const CHIP_GAP = 4;
const MORE = 36;
/** A bold 16-unit character at its widest common width (presenting raises chips to 16 units). */
const CHAR = 11;

/** How many characters each of `count` chips can show on one row (with a "+N" chip after them or not). */
export function chipChars(count: number, more: boolean): number {
  if (count <= 0) return 0;
  const room = ROW - (more ? MORE + CHIP_GAP : 0) - CHIP_GAP * (count - 1);
  return Math.max(3, Math.floor((room / count - CHIP_EDGES) / CHAR));
}
