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
  const t = SCENE_EPOCH + Math.floor(clockSeconds);
  const days = Math.floor(t / 86400);
  const secs = t - days * 86400;
  // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${y}-${p(m)}-${p(d)}T${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)}Z`;
}

/** Parses "2026-01-01T00:05:00Z" back to simulated seconds (undefined when it is not RFC 3339 UTC-ish). */
export function parseTimestamp(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  let offset = 0;
  const tz = m[7]!;
  if (tz !== 'Z')
    offset = (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 3600 + Number(tz.slice(4, 6)) * 60);
  return days * 86400 + h * 3600 + mi * 60 + s - offset - SCENE_EPOCH;
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
