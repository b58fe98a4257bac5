/**
 * Plans motion from data (architecture principle 4): given traces and a time t (timeline seconds at
 * speed 1), where is each packet? Pure and deterministic; the overlay only draws what this says.
 *
 * Hop i of a trace is reached at `start + i * HOP_SECONDS`; between hop i and i+1 the packet travels
 * from hop i's place to hop i+1's place. After its last hop a packet rests there in its final state.
 * With several traces, trace k starts `k * stagger` later so a burst is visible as a stream.
 *
 * @example
 * timeline(trace, 1.5).hop; // 1 (between hop 1 and hop 2, halfway)
 */
import type { Hop, Trace } from '../engine';

export const HOP_SECONDS = 1;

export type PacketState = 'moving' | 'delivered' | 'dropped' | 'rejected' | 'failed';

export interface PacketPosition {
  /** Index of the hop most recently reached (0-based). */
  hop: number;
  from: Hop;
  to: Hop;
  /** 0..1 from `from` to `to`, eased. 0 when at rest. */
  progress: number;
  state: PacketState;
}

/** The end state of a trace, as the packet shows it once it stops. */
export function finalState(trace: Trace): PacketState {
  const last = trace.hops[trace.hops.length - 1];
  if (last?.action === 'drop') return 'dropped';
  if (last?.action === 'reject') return 'rejected';
  return trace.outcome === 'delivered' ? 'delivered' : 'failed';
}

/** The packet's easing between two hops: slow out, fast across, slow in. */
export const ease = (x: number) => (x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2);

/**
 * Where a packet of `n` hops is at time t (seconds since it started), in hops: -1 before it starts or
 * without hops, then 0 … n - 1 (hop i is reached at i; at n - 1 it rests). The overlay's worker works
 * from this and the hop counts alone, without the traces.
 */
export function hopPosition(n: number, t: number): number {
  if (n === 0 || t < 0) return -1;
  return Math.min(t / HOP_SECONDS, n - 1);
}

/** Where one trace's packet is at time t (seconds since it started); null before it starts or if it has no hops. */
export function timeline(trace: Trace, t: number): PacketPosition | null {
  const n = trace.hops.length;
  const x = hopPosition(n, t);
  if (x < 0) return null;
  if (x >= n - 1) {
    const last = trace.hops[n - 1]!;
    return { hop: n - 1, from: last, to: last, progress: 0, state: finalState(trace) };
  }
  const i = Math.floor(x);
  return { hop: i, from: trace.hops[i]!, to: trace.hops[i + 1]!, progress: ease(x - i), state: 'moving' };
}

/** Delay between the starts of consecutive traces in a burst: the burst spreads over about 2 s. */
export function stagger(count: number): number {
  return count <= 1 ? 0 : Math.min(0.25, 2 / count);
}

/**
 * What the playhead asks of a burst in every frame, worked out once per burst (the traces never change
 * in place: a new Send is a new array): when the last packet comes to rest, and every request's rest
 * time in ascending order, so "how many have arrived" is a binary search rather than a scan of them all.
 */
interface BurstTimes {
  duration: number;
  /** The requests' rest times (traceEnd), ascending. */
  ends: Float64Array;
}
const burstTimes = new WeakMap<readonly Trace[], BurstTimes>();

function timesOf(traces: readonly Trace[]): BurstTimes {
  let times = burstTimes.get(traces);
  if (times) return times;
  const s = stagger(traces.length);
  const ends = new Float64Array(traces.length);
  traces.forEach((tr, k) => {
    ends[k] = k * s + Math.max(0, tr.hops.length - 1) * HOP_SECONDS;
  });
  ends.sort();
  times = { duration: ends.length ? ends[ends.length - 1]! : 0, ends };
  burstTimes.set(traces, times);
  return times;
}

/** Time at which the last packet of the burst comes to rest. */
export function duration(traces: readonly Trace[]): number {
  return timesOf(traces).duration;
}

/** How many requests of the burst have come to rest by time t: `arrived(traces, t).length`, without the scan. */
export function arrivedCount(traces: readonly Trace[], t: number): number {
  const { ends } = timesOf(traces);
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= t + 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every packet's position at time t, in trace order (null entries for packets not yet started). */
export function timelineMany(traces: readonly Trace[], t: number): (PacketPosition | null)[] {
  const s = stagger(traces.length);
  return traces.map((tr, k) => timeline(tr, t - k * s));
}

/** When request k of a burst of `count` sends its first packet. */
export function traceStart(k: number, count: number): number {
  return k * stagger(count);
}

/** The playhead time at which request k of the burst reaches its hop i: stepping moves between these. */
export function hopTime(i: number, k = 0, count = 1): number {
  return traceStart(k, count) + i * HOP_SECONDS;
}

/**
 * The hop of request k last reached at time t (0 before it starts, its last hop after it ends), or -1
 * when there is no such request or it has no hops.
 */
export function hopAt(traces: readonly Trace[], k: number, t: number): number {
  const n = traces[k]?.hops.length ?? 0;
  if (n === 0) return -1;
  const x = (t - traceStart(k, traces.length)) / HOP_SECONDS;
  return Math.max(0, Math.min(n - 1, Math.floor(x + 1e-9)));
}

/** The next (dir 1) or previous (dir -1) hop boundary of request k (default the first) from time t. */
export function stepTime(traces: readonly Trace[], t: number, dir: 1 | -1, k = 0): number {
  const n = traces[k]?.hops.length ?? 0;
  if (n === 0) return 0;
  const start = traceStart(k, traces.length);
  const current = (t - start) / HOP_SECONDS;
  const target = dir > 0 ? Math.floor(current + 1e-9) + 1 : Math.ceil(current - 1e-9) - 1;
  return hopTime(Math.max(0, Math.min(n - 1, target)), k, traces.length);
}

/** When request k comes to rest (its last hop). */
export function traceEnd(traces: readonly Trace[], k: number): number {
  return hopTime(Math.max(0, (traces[k]?.hops.length ?? 1) - 1), k, traces.length);
}

/**
 * The requests that have come to rest by time t, in request order: a burst's tally counts only these,
 * so it grows as packets arrive instead of giving the answer away at the first hop.
 *
 * @example arrived(traces, 0).length; // 0 for a burst whose packets are all still travelling
 */
export function arrived(traces: readonly Trace[], t: number): Trace[] {
  return traces.filter((_, k) => traceEnd(traces, k) <= t + 1e-9);
}
