/**
 * CronJob (pkg/apis/batch/validation ValidateCronJobCreate): the name leaves room for the 11 characters
 * of a Job's `-<minutes>` suffix (52 at most), the schedule parses as robfig/cron's standard parser reads
 * it (its own error as the detail) and carries no TZ, the timeZone is a known IANA name, concurrencyPolicy
 * is Allow, Forbid or Replace, the history limits and startingDeadlineSeconds are not negative, and the
 * job template is a Job spec whose selector the controller generates.
 *
 * @example
 * validateCronJob(cronJob('* * *')).map((e) => e.message);
 * // ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']
 */
import { isTimeZone, parseCron } from '../../util/cron';
import { validateJob } from './batch';
import { invalid, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain } from './messages';
import { validateObjectMeta } from './metadata';
import { goLabelSelector } from './selector';
import { isObj, str, type Obj } from './values';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const POLICIES = ['Allow', 'Forbid', 'Replace'];
/** validTimeZoneCharacters: one component of an IANA name. */
const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateSchedule(schedule: string): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseCron(schedule);
  if (parsed.error) errs.push(invalid('spec.schedule', schedule, parsed.error));
  if (schedule.includes('TZ'))
    errs.push(
      invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
    );
  return errs;
}

function validateTimeZone(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const zone = str(tz);
  const at = 'spec.timeZone';
  if (zone === '') return [invalid(at, zone, 'timeZone must be nil or non-empty string')];
  if (zone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TZ_PART.test(p)))
    return [invalid(at, zone, `unknown time zone ${zone}`)];
  const errs: FieldError[] = [];
  if (zone.toLowerCase() === 'local')
    errs.push(
      invalid(
        at,
        zone,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    );
  // time.LoadLocation's error.
  if (!isTimeZone(zone) && zone !== 'Local') errs.push(invalid(at, zone, `unknown time zone ${zone}`));
  return errs;
}

/** ValidateJobTemplateSpec: the Job spec's rules at spec.jobTemplate.spec, and no selector of the user's. */
function validateJobTemplate(jobTemplate: unknown): FieldError[] {
  const t = isObj(jobTemplate) ? jobTemplate : {};
  const spec = isObj(t.spec) ? t.spec : {};
  // validateJobSpec without the Job's own selector rules: validateJob of the spec alone, moved.
  const asJob = {
    kind: 'Job',
    metadata: { name: 'x', namespace: 'default' },
    spec: { ...spec, manualSelector: undefined },
  };
  const move = (text: string): string => (text.startsWith('spec.') ? `spec.jobTemplate.${text}` : text);
  const errs = validateJob(asJob)
    .filter((e) => e.field.startsWith('spec.'))
    .map((e) => ({ ...e, field: move(e.field), message: move(e.message) }));
  if (isObj(spec.selector))
    errs.push(
      invalid(
        'spec.jobTemplate.spec.selector',
        goLabelSelector(spec.selector),
        '`selector` will be auto-generated',
      ),
    );
  if (spec.manualSelector === true)
    errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  return errs;
}

/**
 * ValidateCronJobCreate.
 *
 * @example validateCronJob({ …, spec: { …, concurrencyPolicy: 'Sometimes' } })[0].message;
 * // 'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'
 */
export function validateCronJob(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const schedule = str(spec.schedule);
  if (schedule === '') errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(schedule));
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0)
    errs.push(invalid('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds, NON_NEGATIVE));
  errs.push(...validateTimeZone(spec.timeZone));
  const policy = str(spec.concurrencyPolicy);
  if (policy === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!POLICIES.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, POLICIES));
  errs.push(...validateJobTemplate(spec.jobTemplate));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])
    if (typeof spec[f] === 'number' && spec[f] < 0) errs.push(invalid(`spec.${f}`, spec[f], NON_NEGATIVE));
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const name = str(meta.name);
  // The controller appends an 11-character `-<minutes>` to make each Job's name (63 at most).
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}
