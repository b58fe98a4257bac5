/**
 * The simulated clock as Kubernetes prints it. svclab's clock counts seconds since the scene started; the
 * scene starts at SCENE_EPOCH (a fixed date, so output never depends on the real time).
 *
 * @example
 * formatTimestamp(0); // "2026-01-01T00:00:00Z"
 * humanDuration(125); // "2m5s"
 */

/** Seconds since 1970 of the scene start, 2026-01-01T00:00:00Z. */
export const SCENE_EPOCH = 1767225600;

/** RFC 3339 (metav1.Time) for a simulated clock value in seconds. */
export function formatTimestamp(clockSeconds: number): string {
  // A Date built from a given instant is deterministic (only `new Date()`, the wall clock, is banned).
  return new Date((SCENE_EPOCH + Math.floor(clockSeconds)) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses "2026-01-01T00:05:00Z" back to simulated seconds (undefined when it is not RFC 3339). */
export function parseTimestamp(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) - SCENE_EPOCH;
}

/**
 * k8s.io/apimachinery/pkg/util/duration.HumanDuration, which kubectl's AGE column uses:
 * "0s", "59s", "2m5s", "10m", "3h5m", "8h", "2d3h", "8d", "2y3d"…
 */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 60 * 2) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}
