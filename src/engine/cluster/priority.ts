/**
 * The Priority admission plugin (plugin/pkg/admission/priority/admission.go) over the PriorityClasses
 * that exist: the two the API server makes at start (system-node-critical, system-cluster-critical) and
 * the scene's. On a pod's create it writes spec.priority and spec.preemptionPolicy from the class the pod
 * names (admitPod), or from the globalDefault class, whose name it writes too (0 and PreemptLowerPriority
 * when there is none); it refuses a class that does not exist and a priority or preemptionPolicy written
 * in the pod that differs from the class's. On a PriorityClass's create it refuses a second globalDefault
 * (validatePriorityClass).
 *
 * @example
 * const t = priorityTable([highClass]); // value 1000000, preemptionPolicy Never
 * admitPodPriority({ containers: [], priorityClassName: 'high' }, t);
 * // { priority: 1000000, preemptionPolicy: 'Never' }
 * admitPodPriority({ containers: [], priorityClassName: 'foo' }, t);
 * // { forbidden: 'no PriorityClass with name foo was found', className: 'foo' }
 */
import type { PodSpec, PriorityClass } from '../k8s/objects';
import { SYSTEM_PRIORITY_CLASSES } from '../manifest/validate/priority-class';

/** The admission's answer for one pod: the fields it writes, or its Forbidden error's detail. */
export type PodPriority =
  | { priority: number; preemptionPolicy?: string; priorityClassName?: string; forbidden?: undefined }
  | {
      forbidden: string;
      /** Which check refused it: the class is missing, or the pod wrote another priority / policy. */
      reason: 'missing' | 'priority' | 'preemptionPolicy';
      className: string;
      given: string;
      computed: string;
    };

interface ClassEntry {
  name: string;
  value: number;
  preemptionPolicy: string | undefined;
  globalDefault: boolean;
}

/** The PriorityClasses that exist, by name, and the default one (the lowest value of the globalDefaults). */
export interface PriorityTable {
  get(name: string): ClassEntry | undefined;
  readonly globalDefault: ClassEntry | undefined;
  /**
   * False for a table of the system classes only, made where the scene's classes are not at hand (a
   * Timeline's later pods): a class it does not know is left alone there, not refused.
   */
  readonly complete: boolean;
}

const entryOf = (pc: PriorityClass): ClassEntry => ({
  name: pc.metadata.name ?? '',
  value: typeof pc.value === 'number' ? pc.value : 0,
  preemptionPolicy: pc.preemptionPolicy,
  globalDefault: pc.globalDefault === true,
});

/**
 * The system PriorityClasses as the API server stores them (SystemPriorityClasses, with
 * SetDefaults_PriorityClass's preemptionPolicy), created at the cluster's start.
 *
 * @example systemPriorityClasses().map((c) => c.metadata.name); // ['system-node-critical', 'system-cluster-critical']
 */
export function systemPriorityClasses(): PriorityClass[] {
  return SYSTEM_PRIORITY_CLASSES.map((c) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: c.name },
    value: c.value,
    description: c.description,
    preemptionPolicy: 'PreemptLowerPriority',
  }));
}

/**
 * A table of the given classes (the system classes are added when absent).
 *
 * @example priorityTable([]).get('system-node-critical')?.value; // 2000001000
 */
export function priorityTable(
  classes: readonly PriorityClass[],
  complete = true,
): PriorityTable & { add(pc: PriorityClass): void } {
  const byName = new Map<string, ClassEntry>();
  for (const pc of systemPriorityClasses()) byName.set(pc.metadata.name ?? '', entryOf(pc));
  for (const pc of classes) byName.set(pc.metadata.name ?? '', entryOf(pc));
  let globalDefault: ClassEntry | undefined;
  // getDefaultPriorityClass: with several (a race), the one of the lowest value.
  const consider = (e: ClassEntry): void => {
    if (e.globalDefault && (!globalDefault || globalDefault.value > e.value)) globalDefault = e;
  };
  for (const e of byName.values()) consider(e);
  return {
    get: (name) => byName.get(name),
    get globalDefault() {
      return globalDefault;
    },
    complete,
    /** A class created after the others (admission in apply order: a name not in the table yet). */
    add(pc) {
      const e = entryOf(pc);
      byName.set(e.name, e);
      consider(e);
    },
  };
}

/** The system classes only, for pods made where the scene's classes are not known (see `complete`). */
export const SYSTEM_PRIORITY_TABLE: PriorityTable = priorityTable([], false);

const given = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * admitPod on create: what the plugin writes into the pod's spec, or why it refuses the pod. Reads the
 * spec only (apply the answer with setPodPriority).
 */
export function admitPodPriority(
  spec: Pick<PodSpec, 'priorityClassName' | 'priority' | 'preemptionPolicy'>,
  table: PriorityTable,
): PodPriority | undefined {
  const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  let value: number;
  let policy: string | undefined;
  let className: string | undefined;
  if (name === '') {
    const d = table.globalDefault;
    value = d ? d.value : 0;
    policy = d ? d.preemptionPolicy : 'PreemptLowerPriority';
    if (d) className = d.name;
  } else {
    const pc = table.get(name);
    if (!pc) {
      if (!table.complete) return undefined;
      return {
        forbidden: `no PriorityClass with name ${name} was found`,
        reason: 'missing',
        className: name,
        given: '',
        computed: '',
      };
    }
    value = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (given(spec.priority) && spec.priority !== value)
    return {
      forbidden: `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
      reason: 'priority',
      className: className ?? name,
      given: String(spec.priority),
      computed: String(value),
    };
  if (policy !== undefined && given(spec.preemptionPolicy) && spec.preemptionPolicy !== policy)
    return {
      forbidden: `the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
      reason: 'preemptionPolicy',
      className: className ?? name,
      given: String(spec.preemptionPolicy),
      computed: policy,
    };
  return {
    priority: value,
    ...(policy !== undefined ? { preemptionPolicy: policy } : {}),
    ...(className !== undefined ? { priorityClassName: className } : {}),
  };
}

/** Writes an accepted answer into a pod's spec (the pod's own copy). */
export function setPodPriority(spec: PodSpec, p: PodPriority | undefined): void {
  if (!p || p.forbidden !== undefined) return;
  if (p.priorityClassName !== undefined) spec.priorityClassName = p.priorityClassName;
  spec.priority = p.priority;
  if (p.preemptionPolicy !== undefined) spec.preemptionPolicy = p.preemptionPolicy;
}

/**
 * admission.NewForbidden's message: the resource, the object's name (its generateName before the name is
 * generated, as extractResourceName takes it) and the plugin's error.
 *
 * @example forbiddenMessage('pods', 'web-5d4f8c7b9-', 'no PriorityClass with name foo was found');
 * // 'pods "web-5d4f8c7b9-" is forbidden: no PriorityClass with name foo was found'
 */
export function forbiddenMessage(resource: string, name: string, detail: string): string {
  return `${resource} "${name || 'Unknown'}" is forbidden: ${detail}`;
}

/**
 * validatePriorityClass: a class marked globalDefault is refused while another one is (the classes
 * created before it). Returns the Forbidden error's detail, or undefined.
 *
 * @example secondDefault(b, priorityTable([a])); // 'PriorityClass a is already marked as default. Only one default can exist'
 */
export function secondDefault(pc: PriorityClass, before: PriorityTable): string | undefined {
  if (pc.globalDefault !== true) return undefined;
  const d = before.globalDefault;
  if (!d || d.name === (pc.metadata.name ?? '')) return undefined;
  return `PriorityClass ${d.name} is already marked as default. Only one default can exist`;
}

/**
 * ValidatePriorityClassUpdate (the strategy's ValidateUpdate): value and preemptionPolicy may not change.
 * `live` is the stored class, `next` the one sent (defaulted). Messages as kubectl prints them after
 * `The PriorityClass "<name>" is invalid: `.
 *
 * @example priorityClassUpdateErrors(high, { ...high, value: 5 }); // ['value: Forbidden: may not be changed in an update.']
 */
export function priorityClassUpdateErrors(live: PriorityClass, next: PriorityClass): string[] {
  const errs: string[] = [];
  if ((next.value ?? 0) !== (live.value ?? 0))
    errs.push('value: Forbidden: may not be changed in an update.');
  // ValidateImmutableField: field.Invalid with the new value (a *PreemptionPolicy, printed quoted).
  if (next.preemptionPolicy !== live.preemptionPolicy)
    errs.push(
      `preemptionPolicy: Invalid value: ${next.preemptionPolicy === undefined ? 'null' : JSON.stringify(next.preemptionPolicy)}: field is immutable`,
    );
  return errs;
}
