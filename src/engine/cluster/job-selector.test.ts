/**
 * A Job's selector without manualSelector (validateGeneratedSelector): the API server generates it, so a
 * selector the user wrote is refused with the generated controller-uid in it, as kubectl prints it.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { uidFor } from './hash';

const job = (extra: string, labels = '{ app: pi }') => `apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
${extra}
  template:
    metadata: { labels: ${labels} }
    spec:
      restartPolicy: Never
      containers: [{ name: pi, image: perl }]
`;
const errors = (yaml: string) =>
  buildCluster([{ file: 'job.yaml', text: yaml }], { seed: 1 })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);
const uid = uidFor(1, 'Job/default/pi');

describe('a Job selector without manualSelector', () => {
  it('is refused: the generated controller-uid is added to it and it selects more than the generated labels', () => {
    expect(errors(job('  selector: { matchLabels: { app: pi } }'))).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"${uid}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
    ]);
  });

  it('is said at its line, and the Job is not created (no pods)', () => {
    const built = buildCluster(
      [{ file: 'job.yaml', text: job('  selector: { matchLabels: { app: pi } }') }],
      {
        seed: 1,
      },
    );
    const d = built.diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ kind: 'Job', name: 'pi', field: 'spec.selector', line: 5, source: 'api' });
    expect(built.cluster.jobs).toEqual([]);
    expect(built.cluster.pods.filter((p) => p.metadata.namespace === 'default')).toEqual([]);
  });

  it('a template label the generator would set, set to another value, is refused as ValidateHasLabel says', () => {
    expect(errors(job('', '{ app: pi, job-name: other }'))).toEqual([]); // no selector: nothing generated is checked
    expect(errors(job('  selector: { matchLabels: { job-name: other } }', '{ job-name: other }'))).toEqual([
      `spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${uid}", "job-name":"other"}: must be 'pi'`,
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "job-name":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
    ]);
  });

  it('a selector that names only the generated uid passes, and manualSelector: true keeps the user’s', () => {
    expect(
      errors(job(`  selector: { matchLabels: { batch.kubernetes.io/controller-uid: "${uid}" } }`)),
    ).toEqual([]);
    expect(errors(job('  manualSelector: true\n  selector: { matchLabels: { app: pi } }'))).toEqual([]);
  });

  it('matchExpressions are printed as %#v prints them', () => {
    const [m] = errors(job('  selector: { matchExpressions: [{ key: app, operator: In, values: [pi] }] }'));
    expect(m).toBe(
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"${uid}"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string{"pi"}}}}: \`selector\` not auto-generated`,
    );
  });
});
