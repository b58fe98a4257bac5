/**
 * The Priority admission plugin at each create of a build, in apply order (assemble.ts): a PriorityClass
 * marked globalDefault while an earlier one is refused; a Pod naming a class that does not exist yet, or
 * writing a priority or preemptionPolicy other than its class's, is refused; an accepted Pod gets its
 * priority, preemptionPolicy and (from a globalDefault class) priorityClassName. A refusal is the API
 * server's Forbidden answer to kubectl apply (`Error from server (Forbidden): error when creating …`).
 * The workload controllers create their pods later, against every class (the returned table).
 *
 * @example
 * const { admitted, table } = admitPriority(entries, diagnostics);
 */
import type { Diagnostic } from '../diagnostics';
import type { Pod, PriorityClass } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { objectDiagnostic } from './diag';
import type { Entry } from './place-in-order';
import {
  admitPodPriority,
  forbiddenMessage,
  priorityTable,
  secondDefault,
  setPodPriority,
  type PodPriority,
  type PriorityTable,
} from './priority';

/** The code of an admission plugin's Forbidden answer (commands/validate.ts prints it as kubectl does). */
export const ADMISSION_FORBIDDEN = 'admission.forbidden';

const FIELD: Record<'missing' | 'priority' | 'preemptionPolicy', string> = {
  missing: 'spec.priorityClassName',
  priority: 'spec.priority',
  preemptionPolicy: 'spec.preemptionPolicy',
};

function podMeaning(p: Exclude<PodPriority, { forbidden?: undefined }>): Msg {
  if (p.reason === 'missing') return msg('apply.priorityClassMissing.meaning', { className: p.className });
  return msg('apply.priorityGiven.meaning', {
    field: p.reason,
    given: p.given,
    computed: p.computed,
    className: p.className,
  });
}

export function admitPriority(
  entries: Entry[],
  diagnostics: Diagnostic[],
): { admitted: Entry[]; table: PriorityTable } {
  const table = priorityTable([]);
  const admitted: Entry[] = [];
  for (const e of entries) {
    const o = e.object;
    if (o.kind === 'PriorityClass') {
      const pc = o as PriorityClass;
      const refused = secondDefault(pc, table);
      if (refused) {
        const existing = table.globalDefault?.name ?? '';
        diagnostics.push(
          objectDiagnostic(e.src, o, 'globalDefault', {
            severity: 'error',
            source: 'api',
            code: ADMISSION_FORBIDDEN,
            message: forbiddenMessage('priorityclasses.scheduling.k8s.io', o.metadata.name ?? '', refused),
            meaning: msg('apply.priorityDefault.meaning', { existing }),
          }),
        );
        continue;
      }
      table.add(pc);
    } else if (o.kind === 'Pod') {
      const spec = (o as Pod).spec;
      const answer = admitPodPriority(spec, table);
      if (answer?.forbidden !== undefined) {
        diagnostics.push(
          objectDiagnostic(e.src, o, FIELD[answer.reason], {
            severity: 'error',
            source: 'api',
            code: ADMISSION_FORBIDDEN,
            message: forbiddenMessage('pods', o.metadata.name ?? '', answer.forbidden),
            meaning: podMeaning(answer),
          }),
        );
        continue;
      }
      // The build's copy of the pod has a spec of its own (assemble.ts forCreate).
      setPodPriority(spec, answer);
    }
    admitted.push(e);
  }
  return { admitted, table };
}
