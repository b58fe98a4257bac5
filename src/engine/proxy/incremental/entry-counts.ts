/**
 * An ipset's members as the Service ports add them: several ports may add the same entry (two Services
 * on one external IP and port), so each entry keeps a count and leaves the set only when its last port
 * goes. A full build fills one from every port; an edit counts the edited ports out and in again, and the
 * sorted list `ipset list` prints is patched in step (made on first use). Sets every node has alike are
 * made once per cluster state and shared; a node that edits one first takes its own copy (`owned`).
 *
 * @example
 * const s = new EntryCounts();
 * s.count('10.96.0.10,udp:53', 1); // true: a new member
 * s.count('10.96.0.10,udp:53', 1); // false: counted again
 * s.count('10.96.0.10,udp:53', -1); // false: still a member
 */
export class EntryCounts {
  /** The members (lookups read this; it is the ipset's index). */
  readonly members: Set<string>;
  /** Entries more than one port adds: how many times beyond the first. */
  private readonly extra: Map<string, number>;
  private sorted: string[] | undefined;
  /** False while the counts are shared with the other nodes of a build (see `owned`). */
  private mine = true;

  constructor(from?: EntryCounts) {
    this.members = new Set(from?.members);
    this.extra = new Map(from?.extra);
    if (from?.sorted) this.sorted = [...from.sorted];
  }

  /** Adds (by 1) or removes (by -1) one occurrence; true when the membership changed. */
  count(entry: string, by: 1 | -1): boolean {
    if (by === 1) {
      if (this.members.has(entry)) {
        this.extra.set(entry, (this.extra.get(entry) ?? 0) + 1);
        return false;
      }
      this.members.add(entry);
      this.sorted?.splice(position(this.sorted, entry), 0, entry);
      return true;
    }
    const n = this.extra.get(entry);
    if (n !== undefined) {
      if (n === 1) this.extra.delete(entry);
      else this.extra.set(entry, n - 1);
      return false;
    }
    if (!this.members.delete(entry)) return false;
    this.sorted?.splice(position(this.sorted, entry), 1);
    return true;
  }

  /** The members in order (sorted on first use, then kept in step by `count`). */
  list(): string[] {
    return (this.sorted ??= [...this.members].sort());
  }

  /** Marks the counts shared by the nodes of a build (they are listed now, once for all). */
  share(): this {
    this.list();
    this.mine = false;
    return this;
  }

  /** These counts if this node may change them, else a copy of its own. */
  owned(): EntryCounts {
    return this.mine ? this : new EntryCounts(this);
  }
}

/** Where `entry` is or would go in the sorted list. */
function position(sorted: string[], entry: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < entry) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
