/**
 * Cron schedules as the CronJob API and controller read them: robfig/cron v3's standard parser
 * (`cron.ParseStandard`: minute hour day-of-month month day-of-week, names for months and weekdays, `*`,
 * `?`, ranges, steps, lists, and the descriptors `@yearly` … `@hourly` and `@every <duration>`), with its
 * error messages word for word, and the schedule's instants (SpecSchedule.Next: day-of-month and
 * day-of-week are ORed when both are restricted).
 *
 * @example
 * parseCron('*\/15 * * * *').schedule?.matches({ minute: 30, hour: 1, dom: 5, month: 1, dow: 2 }); // true
 * parseCron('* * *').error; // "expected exactly 5 fields, found 3: [* * *]"
 */

export interface WallTime {
  minute: number;
  hour: number;
  dom: number;
  month: number;
  dow: number;
}

export type CronSchedule =
  { kind: 'spec'; matches(t: WallTime): boolean } | { kind: 'every'; seconds: number };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12, // prettier-ignore
};
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTH: Bounds = { min: 1, max: 12, names: MONTHS };
const DOW: Bounds = { min: 0, max: 6, names: DAYS };

class CronError extends Error {}

/** strconv.Atoi's behaviour and error (Go's int is 64 bits). */
function atoi(s: string): number {
  const quoted = JSON.stringify(s);
  if (!/^[+-]?[0-9]+$/.test(s)) throw new CronError(`strconv.Atoi: parsing ${quoted}: invalid syntax`);
  const big = BigInt(s);
  if (big > 9223372036854775807n || big < -9223372036854775808n)
    throw new CronError(`strconv.Atoi: parsing ${quoted}: value out of range`);
  return Number(big);
}

function mustParseInt(expr: string): number {
  let n: number;
  try {
    n = atoi(expr);
  } catch (e) {
    throw new CronError(`failed to parse int from ${expr}: ${(e as Error).message}`);
  }
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names && Object.prototype.hasOwnProperty.call(names, expr.toLowerCase());
  return named ? names[expr.toLowerCase()]! : mustParseInt(expr);
}

/** One field as a set of allowed values, and whether it was `*` or `?` (robfig's starBit). */
interface Field {
  values: Set<number>;
  star: boolean;
}

function getRange(expr: string, r: Bounds, into: Field): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    // "N/step" means "N-max/step".
    if (single) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
}

function getField(text: string, r: Bounds): Field {
  const f: Field = { values: new Set(), star: false };
  for (const expr of text.split(',').filter((x) => x !== '')) getRange(expr, r, f);
  return f;
}

/** time.ParseDuration for what @every takes (whole seconds; Go's units ns…h). */
function parseGoDuration(s: string): number | undefined {
  const units: Record<string, number> = {
    ns: 1e-9,
    us: 1e-6,
    µs: 1e-6,
    μs: 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600,
  };
  const m = /^([+-]?)((?:[0-9]*\.?[0-9]+(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(s);
  if (!m) return undefined;
  if (m[2] === '0') return 0;
  let total = 0;
  for (const part of m[2]!.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(part[1]) * units[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parseDescriptor(spec: string): CronSchedule {
  const fields = DESCRIPTORS[spec];
  if (fields) return parseFields(fields.split(' '));
  if (spec.startsWith('@every ')) {
    const text = spec.slice('@every '.length);
    const seconds = parseGoDuration(text);
    if (seconds === undefined)
      throw new CronError(`failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(text)}`);
    // robfig's Every: at least one second, rounded down to whole seconds.
    return { kind: 'every', seconds: Math.max(1, Math.floor(seconds)) };
  }
  throw new CronError(`unrecognized descriptor: ${spec}`);
}

function parseFields(fields: string[]): CronSchedule {
  if (fields.length !== 5)
    throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = [
    getField(fields[0]!, MINUTES),
    getField(fields[1]!, HOURS),
    getField(fields[2]!, DOM),
    getField(fields[3]!, MONTH),
    getField(fields[4]!, DOW),
  ];
  return {
    kind: 'spec',
    matches(t) {
      if (!minute.values.has(t.minute) || !hour.values.has(t.hour) || !month.values.has(t.month))
        return false;
      const domMatch = dom.values.has(t.dom);
      const dowMatch = dow.values.has(t.dow);
      // dayMatches: ANDed when either is a star, ORed when both are restricted.
      return dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch;
    },
  };
}

/**
 * cron.ParseStandard: the schedule, or robfig's error message. A `TZ=`/`CRON_TZ=` prefix is read as the
 * parser reads it (the API server refuses it anyway, with its own message).
 *
 * @example parseCron('@every 90s').schedule; // { kind: 'every', seconds: 90 }
 */
export function parseCron(spec: string): { schedule?: CronSchedule; error?: string } {
  try {
    if (spec.length === 0) throw new CronError('empty spec string');
    let rest = spec;
    if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
      const i = rest.indexOf(' ');
      const name = rest.slice(rest.indexOf('=') + 1, i < 0 ? undefined : i);
      if (i < 0 || !isTimeZone(name))
        throw new CronError(`provided bad location ${name}: unknown time zone ${name}`);
      rest = rest.slice(i).trim();
    }
    if (rest.startsWith('@')) return { schedule: parseDescriptor(rest) };
    return { schedule: parseFields(rest.split(/\s+/).filter((x) => x !== '')) };
  } catch (e) {
    if (e instanceof CronError) return { error: e.message };
    throw e;
  }
}

/**
 * Whether an IANA time zone name is known (Go's time.LoadLocation), through the runtime's Intl data.
 *
 * @example isTimeZone('Asia/Seoul'); // true
 */
export function isTimeZone(name: string): boolean {
  if (name === '' || name === 'Local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A formatter giving a time zone's wall time, or undefined for UTC (and for a zone the runtime lacks). */
function zoneFormat(timeZone: string | undefined): Intl.DateTimeFormat | undefined {
  if (!timeZone || !isTimeZone(timeZone)) return undefined;
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  });
}

/** The wall time of a Unix instant (seconds) in a time zone (UTC when none). */
function wallTime(unix: number, zone: Intl.DateTimeFormat | undefined): WallTime {
  const d = new Date(unix * 1000);
  if (!zone)
    return {
      minute: d.getUTCMinutes(),
      hour: d.getUTCHours(),
      dom: d.getUTCDate(),
      month: d.getUTCMonth() + 1,
      dow: d.getUTCDay(),
    };
  const parts: Record<string, string> = {};
  for (const p of zone.formatToParts(d)) parts[p.type] = p.value;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour) % 24,
    dom: Number(parts.day),
    month: Number(parts.month),
    dow: days.indexOf(parts.weekday ?? ''),
  };
}

/**
 * The schedule's instants (Unix seconds) after `from` and at or before `to`, at most `max` of them, in
 * order: whole minutes whose wall time in `timeZone` matches, or every `seconds` after `from` for
 * `@every`.
 *
 * @example
 * scheduleTimes(parseCron('*\/5 * * * *').schedule!, 0, 900, undefined, 10); // [300, 600, 900]
 */
export function scheduleTimes(
  schedule: CronSchedule,
  from: number,
  to: number,
  timeZone: string | undefined,
  max: number,
): number[] {
  const out: number[] = [];
  if (schedule.kind === 'every') {
    for (let t = from + schedule.seconds; t <= to && out.length < max; t += schedule.seconds) out.push(t);
    return out;
  }
  const zone = zoneFormat(timeZone);
  // The first whole minute after `from` (time zones differ from UTC by whole minutes since 1972).
  const end = Math.min(to, from + MAX_SCAN_MINUTES * 60);
  for (let t = Math.floor(from / 60) * 60 + 60; t <= end && out.length < max; t += 60)
    if (schedule.matches(wallTime(t, zone))) out.push(t);
  return out;
}

/** How far back the controller's look for missed schedules goes (robfig schedules repeat yearly at most). */
const MAX_SCAN_MINUTES = 366 * 24 * 60;

/**
 * The last `max` instants (Unix seconds) of the schedule after `from` and at or before `to`, newest
 * first, and how many there are in all: what the CronJob controller has made Jobs for by `to`, without
 * walking every minute of a long scene forwards.
 *
 * @example
 * lastScheduleTimes(parseCron('* * * * *').schedule!, 0, 600, undefined, 3); // { times: [600, 540, 480], count: 10 }
 */
export function lastScheduleTimes(
  schedule: CronSchedule,
  from: number,
  to: number,
  timeZone: string | undefined,
  max: number,
): { times: number[]; count: number } {
  if (to <= from) return { times: [], count: 0 };
  if (schedule.kind === 'every') {
    const count = Math.floor((to - from) / schedule.seconds);
    const times: number[] = [];
    for (let n = count; n >= 1 && times.length < max; n--) times.push(from + n * schedule.seconds);
    return { times, count };
  }
  const zone = zoneFormat(timeZone);
  const times: number[] = [];
  let count = 0;
  const first = Math.floor(from / 60) * 60 + 60;
  const last = Math.floor(to / 60) * 60;
  for (let t = last, scanned = 0; t >= first && scanned < MAX_SCAN_MINUTES; t -= 60, scanned++)
    if (schedule.matches(wallTime(t, zone))) {
      count++;
      if (times.length < max) times.push(t);
    }
  return { times, count };
}
