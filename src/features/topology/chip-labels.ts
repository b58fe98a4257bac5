/**
 * A kube-proxy box's Service chips are narrow: "echo-cluster" and "echo-local" cut at the end both read
 * "echo…". Each name is shortened in the middle instead, and where the chips shown together would still
 * read alike, the cut moves (more of the end kept, or more of the start) until names that differ read
 * differently. The full name stays in the chip's tooltip and accessible name.
 *
 * @example
 * chipLabels(['echo-cluster', 'echo-local'], 7); // ["ech…ter", "ech…cal"]
 * fitChipLabels(['shop-api', 'shop-frontend'], 12); // ["…api", "…rontend"]
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

/** The longest start `name` shares with another of `names` (a prefix every chip would repeat). */
function sharedStart(name: string, names: readonly string[]): number {
  const a = [...name];
  let best = 0;
  for (const other of names) {
    if (other === name) continue;
    const b = [...other];
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    best = Math.max(best, k);
  }
  return best;
}

/**
 * `total` characters shared out among the chips (a short name takes what it needs, the rest goes to the
 * longer ones), each chip also giving up `reserved[i]` (a "▶ " mark). What each chip wants: its whole
 * name, or, where it starts like another chip, "…" and the part after the shared start.
 */
function shareOut(wants: number[], total: number): number[] {
  const out = wants.map(() => 0);
  let left = total;
  let open = wants.map((_, i) => i);
  while (open.length > 0) {
    const share = Math.floor(left / open.length);
    const done = open.filter((i) => wants[i]! <= share);
    if (done.length === 0) {
      // Nobody is satisfied by an even share: each takes it, the remainder to the first ones.
      let extra = left - share * open.length;
      for (const i of open) out[i] = share + (extra-- > 0 ? 1 : 0);
      return out;
    }
    for (const i of done) {
      out[i] = wants[i]!;
      left -= wants[i]!;
    }
    open = open.filter((i) => !done.includes(i));
  }
  return out;
}

/**
 * Labels for chips that share a row of `total` characters. Names that fit stay whole; a name that starts
 * like another chip's keeps its end ("…api" and "…rontend" for shop-api and shop-frontend: the shared
 * "shop-" says nothing); any other is cut in the middle. The room goes where it is needed: a short name
 * leaves its share to a long one. When that still reads alike, chipLabels' search over even cuts decides.
 */
export function fitChipLabels(
  names: readonly string[],
  total: number,
  reserved: readonly number[] = [],
): string[] {
  const lengths = names.map((n) => [...n].length);
  const shared = names.map((n) => sharedStart(n, names));
  const wants = lengths.map((length, i) =>
    shared[i]! > 0 && shared[i]! < length ? Math.min(length, 1 + length - shared[i]!) : length,
  );
  const room = Math.max(0, total - reserved.reduce((a, b) => a + b, 0));
  const given = shareOut(wants, room).map((g) => Math.max(3, g));
  // What is left once every chip has what it wants goes back to the names cut after a shared start.
  let spare = room - given.reduce((a, b) => a + b, 0);
  for (let i = 0; i < names.length && spare > 0; i++) {
    const more = Math.min(spare, lengths[i]! - given[i]!);
    if (more > 0) {
      given[i]! += more;
      spare -= more;
    }
  }
  const labels = names.map((n, i) =>
    given[i]! >= lengths[i]!
      ? n
      : shortenMiddle(n, given[i]!, shared[i]! > 0 ? 0 : Math.ceil((given[i]! - 1) / 2)),
  );
  if (tellsApart(names, labels)) return labels;
  const even = Math.max(3, Math.floor(room / Math.max(1, names.length)));
  return chipLabels(names, even);
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
/**
 * A bold 16-unit character at its widest common width (presenting raises chips to 16 units): the width
 * assumed where the page cannot measure its font (no canvas, as in unit tests).
 */
export const CHAR = 11;
/** A chip cut shorter than this many characters (the "…" counted) no longer names its Service. */
export const READABLE_CHIP = 6;

/** How many characters each of `count` chips can show on one row (with a "+N" chip after them or not). */
export function chipChars(count: number, more: boolean, charPx = CHAR): number {
  if (count <= 0) return 0;
  return Math.max(3, Math.floor(chipRoom(count, more, charPx) / count));
}

/**
 * How many characters `count` chips can show together on one row (with a "+N" chip after them or not),
 * `charPx` being the chips' measured average character width in graph units.
 */
export function chipRoom(count: number, more: boolean, charPx = CHAR): number {
  if (count <= 0) return 0;
  const room = ROW - (more ? MORE + CHIP_GAP : 0) - CHIP_GAP * (count - 1) - CHIP_EDGES * count;
  return Math.max(3 * count, Math.floor(room / Math.max(1, charPx)));
}

/**
 * A kube-proxy box's chip row: the first `names` (hop's and selected Service's first) as chips, the rest
 * counted in "+N". Fewer chips beat unreadable ones: when two chips would each be cut below
 * READABLE_CHIP characters (presenting at 1280×720, "▶ ku…ns" and "st…ky" read as nothing), the row
 * shows one chip whole, or as whole as it fits, and counts the other.
 *
 * @param total how many Services the node has rules for (names are the first ones, at most a row's worth).
 * @param reserved characters a chip gives up besides its name (the followed hop's "▶ ").
 */
export function chipRow(
  names: readonly string[],
  total: number,
  reserved: readonly number[] = [],
  charPx = CHAR,
): { labels: string[]; hidden: number } {
  for (let count = names.length; count >= 1; count--) {
    const more = total > count;
    const shown = names.slice(0, count);
    const labels = fitChipLabels(shown, chipRoom(count, more, charPx), reserved.slice(0, count));
    const readable = labels.every(
      (l, i) => l === shown[i] || [...l].length >= Math.min(READABLE_CHIP, [...shown[i]!].length),
    );
    if (readable || count === 1) return { labels, hidden: total - count };
  }
  return { labels: [], hidden: total };
}
