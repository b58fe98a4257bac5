/**
 * What the lesson checker says about a student's scene: the verdict of each check and, when a check
 * fails, which behaviour is missing. A lesson's own sentences (a check's description, the behaviour it
 * names as missing) travel as `lesson.text` with both languages inside, since a lesson is data that an
 * instructor writes; the checker's facts (what it found, where) are the other messages here.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa, pick } from './josa';

/** A list of values, shortened for a sentence: "a, b, c (+4 more)". */
const list = (values: readonly string[], more: (n: number) => string): string => {
  const shown = values.slice(0, 6).join(', ');
  return values.length > 6 ? `${shown} ${more(values.length - 6)}` : shown;
};
const moreEn = (n: number) => `(+${n} more)`;
const moreKo = (n: number) => `(외 ${n}개)`;

const rangeEn = (p: { atLeast?: number | null; atMost?: number | null; equals?: number | null }) =>
  p.equals != null
    ? `exactly ${p.equals}`
    : p.atLeast != null && p.atMost != null
      ? `between ${p.atLeast} and ${p.atMost}`
      : p.atLeast != null
        ? `at least ${p.atLeast}`
        : `at most ${p.atMost ?? 0}`;
const rangeKo = (
  p: { atLeast?: number | null; atMost?: number | null; equals?: number | null },
  unit = '',
) =>
  p.equals != null
    ? `정확히 ${p.equals}${unit}`
    : p.atLeast != null && p.atMost != null
      ? `${p.atLeast}${unit} 이상 ${p.atMost}${unit} 이하`
      : p.atLeast != null
        ? `${p.atLeast}${unit} 이상`
        : `${p.atMost ?? 0}${unit} 이하`;

export const lesson = defineMessages({
  /** The last line of `svclab lesson check` (pass/FAIL marks above it stay as a test runner prints them). */
  'lesson.cli.result': {
    en: (p: { passed: boolean; failed: number; total: number }) =>
      p.passed ? 'passed' : `not passed: ${p.failed} of ${p.total} checks fail`,
    ko: (p) => (p.passed ? '통과' : `통과하지 못했습니다: 검사 ${p.total}개 중 ${p.failed}개 실패`),
    example: { passed: false, failed: 1, total: 3 },
  },
  /** A lesson's own sentence, written by its author in both languages. */
  'lesson.text': {
    en: (p: { en: string; ko: string }) => p.en,
    ko: (p) => p.ko,
    example: { en: 'Requests reach a pod of web', ko: '요청이 web의 파드에 닿습니다' },
  },
  'lesson.fixErrors.description': {
    en: (_: object) => 'The scene is accepted by the API server',
    ko: () => 'API 서버가 장면의 모든 오브젝트를 받아들인다',
    example: {},
  },
  'lesson.fixErrors.detail': {
    en: (p: { count: number; first: string }) =>
      `Fix the errors first: kubectl apply would refuse ${p.count === 1 ? 'one object' : `${p.count} errors`}, so the cluster is not what the YAML says. First: ${p.first}`,
    ko: (p) =>
      `먼저 오류를 고치세요. kubectl apply가 거부하는 오류가 ${p.count}개 있어서 클러스터가 YAML과 다릅니다. 첫 번째 오류: ${p.first}`,
    example: { count: 2, first: 'The Service "web" is invalid: spec.ports[0].port: Required value' },
  },
  'lesson.unknownChallenge': {
    en: (p: { id: string; known: string[] }) =>
      `There is no challenge "${p.id}". Known challenges: ${p.known.join(', ')}.`,
    ko: (p) => `"${p.id}"${pick(p.id, '이라/라')}는 챌린지는 없습니다. 있는 챌린지: ${p.known.join(', ')}.`,
    example: { id: 'nope', known: ['clusterip-selector', 'named-targetport'] },
  },
  /** The lesson's sentence on what is missing, then what the checker found. */
  'lesson.detail.missing': {
    en: (p: { missing: Msg; found: Msg }, r: RenderNested) => `${r(p.missing)} (${r(p.found)})`,
    ko: (p, r) => `${r(p.missing)} (${r(p.found)})`,
    example: {
      missing: { id: 'sim.loop', params: {} },
      found: { id: 'sim.loop', params: {} },
    },
  },
  'lesson.detail.equals': {
    en: (p: { path: string; actual: string; expected: string; passed: boolean }) =>
      p.passed ? `${p.path} is ${p.actual}` : `${p.path} is ${p.actual}, not ${p.expected}`,
    ko: (p) =>
      p.passed ? `${p.path} 값은 ${p.actual}` : `${p.path} 값: ${p.actual} (기대한 값: ${p.expected})`,
    example: { path: 'response.status', actual: '503', expected: '200', passed: false },
  },
  'lesson.detail.oneOf': {
    en: (p: { path: string; actual: string; expected: string[]; passed: boolean }) =>
      p.passed
        ? `${p.path} is ${p.actual}`
        : `${p.path} is ${p.actual}, which is none of ${p.expected.length ? list(p.expected, moreEn) : '(nothing)'}`,
    ko: (p) =>
      p.passed
        ? `${p.path} 값은 ${p.actual}`
        : `${p.path} 값 ${josa(p.actual, '은/는')} ${p.expected.length ? list(p.expected, moreKo) : '(없음)'} 중 어느 것도 아님`,
    example: { path: 'outcome', actual: 'refused', expected: ['delivered'], passed: false },
  },
  'lesson.detail.startsWith': {
    en: (p: { path: string; actual: string; prefix: string; passed: boolean }) =>
      p.passed
        ? `${p.path} is ${p.actual}`
        : `${p.path} is ${p.actual}, which does not start with ${p.prefix}`,
    ko: (p) =>
      p.passed
        ? `${p.path} 값은 ${p.actual}`
        : `${p.path} 값 ${josa(p.actual, '은/는')} ${josa(p.prefix, '으로/로')} 시작하지 않음`,
    example: { path: 'backend.pod', actual: 'default/api-0', prefix: 'default/web-', passed: false },
  },
  'lesson.detail.contains': {
    en: (p: { path: string; actual: string; value: string; passed: boolean }) =>
      p.passed ? `${p.path} contains ${p.value}` : `${p.path} is ${p.actual}, without ${p.value}`,
    ko: (p) =>
      p.passed
        ? `${p.path}에 ${josa(p.value, '이/가')} 있음`
        : `${p.path} 값 ${p.actual}에 ${josa(p.value, '이/가')} 없음`,
    example: { path: 'env', actual: 'PATH', value: 'WEB_SERVICE_HOST', passed: false },
  },
  'lesson.detail.range': {
    en: (p: {
      path: string;
      actual: string;
      atLeast?: number | null;
      atMost?: number | null;
      passed: boolean;
    }) => (p.passed ? `${p.path} is ${p.actual}` : `${p.path} is ${p.actual}; it must be ${rangeEn(p)}`),
    ko: (p) =>
      p.passed ? `${p.path} 값은 ${p.actual}` : `${p.path} 값이 ${p.actual}, ${rangeKo(p)}이어야 함`,
    example: { path: 'count', actual: '1', atLeast: 2, atMost: 3, passed: false },
  },
  'lesson.detail.count': {
    en: (p: {
      path: string;
      n: number;
      distinct: boolean;
      values: string[];
      atLeast?: number | null;
      atMost?: number | null;
      equals?: number | null;
      passed: boolean;
    }) => {
      const what = p.distinct
        ? `${p.n} different value${p.n === 1 ? '' : 's'}`
        : `${p.n} item${p.n === 1 ? '' : 's'}`;
      const shown = p.distinct && p.values.length ? `: ${list(p.values, moreEn)}` : '';
      return p.passed ? `${what}${shown}` : `${what}${shown}; needs ${rangeEn(p)}`;
    },
    ko: (p) => {
      const what = p.distinct ? `서로 다른 값 ${p.n}개` : `${p.n}개`;
      const shown = p.distinct && p.values.length ? `: ${list(p.values, moreKo)}` : '';
      return p.passed ? `${what}${shown}` : `${what}${shown}. ${josa(rangeKo(p, '개'), '이/가')} 필요함`;
    },
    example: {
      path: 'backend.pod',
      n: 1,
      distinct: true,
      values: ['default/web-0'],
      atLeast: 2,
      passed: false,
    },
  },
  'lesson.detail.every.passed': {
    en: (p: { total: number }) => (p.total === 1 ? 'the one item passes' : `all ${p.total} pass`),
    ko: (p) => (p.total === 1 ? '하나뿐인 항목이 통과' : `${p.total}개 모두 통과`),
    example: { total: 30 },
  },
  'lesson.detail.every.empty': {
    en: (_: object) => 'there is nothing to check: the list is empty',
    ko: () => '확인할 것이 없습니다. 목록이 비어 있음',
    example: {},
  },
  'lesson.detail.item': {
    en: (p: { index: number; total: number; label: string; why: Msg }, r: RenderNested) =>
      `#${p.index} of ${p.total}${p.label ? ` (${p.label})` : ''}: ${r(p.why)}`,
    ko: (p, r) => `${p.total}개 중 ${p.index}번째${p.label ? ` (${p.label})` : ''}: ${r(p.why)}`,
    example: {
      index: 3,
      total: 30,
      label: 'default/web-0',
      why: { id: 'sim.loop', params: {} },
    },
  },
  'lesson.detail.some.none': {
    en: (p: { total: number }) => (p.total === 0 ? 'the list is empty' : `none of ${p.total} passes`),
    ko: (p) => (p.total === 0 ? '목록이 비어 있음' : `${p.total}개 중 통과하는 것이 없음`),
    example: { total: 30 },
  },
  'lesson.detail.some.passed': {
    en: (p: { passing: number; total: number }) => `${p.passing} of ${p.total} pass`,
    ko: (p) => `${p.total}개 중 ${p.passing}개 통과`,
    example: { passing: 2, total: 30 },
  },
  'lesson.detail.none.passed': {
    en: (p: { total: number }) => (p.total === 0 ? 'the list is empty' : `none of ${p.total} matches`),
    ko: (p) => (p.total === 0 ? '목록이 비어 있음' : `${p.total}개 중 해당하는 것이 없음`),
    example: { total: 30 },
  },
  'lesson.detail.none.failed': {
    en: (p: { index: number; total: number; label: string }) =>
      `#${p.index} of ${p.total}${p.label ? ` (${p.label})` : ''} matches`,
    ko: (p) => `${p.total}개 중 ${p.index}번째${p.label ? ` (${p.label})` : ''}가 해당함`,
    example: { index: 4, total: 30, label: 'default/web-canary' },
  },
  'lesson.detail.all': {
    en: (p: { parts: Msg[] }, r: RenderNested) => p.parts.map(r).join('; '),
    ko: (p, r) => p.parts.map(r).join('; '),
    example: {
      parts: [
        { id: 'sim.loop', params: {} },
        { id: 'sim.loop', params: {} },
      ],
    },
  },
  'lesson.detail.any.failed': {
    en: (p: { parts: Msg[] }, r: RenderNested) =>
      `none of the alternatives holds: ${p.parts.map(r).join(' / ')}`,
    ko: (p, r) => `어느 경우에도 해당하지 않음: ${p.parts.map(r).join(' / ')}`,
    example: {
      parts: [
        { id: 'sim.loop', params: {} },
        { id: 'sim.loop', params: {} },
      ],
    },
  },
  'lesson.detail.not.failed': {
    en: (p: { inner: Msg }, r: RenderNested) => `it must not be so, but ${r(p.inner)}`,
    ko: (p, r) => `그러면 안 되는데 ${r(p.inner)}`,
    example: { inner: { id: 'sim.loop', params: {} } },
  },
  'lesson.detail.not.passed': {
    en: (p: { inner: Msg }, r: RenderNested) => `as required, not so: ${r(p.inner)}`,
    ko: (p, r) => `요구대로 해당하지 않음: ${r(p.inner)}`,
    example: { inner: { id: 'sim.loop', params: {} } },
  },
  /** The engine's own explanation of a request, quoted after the fact it explains. */
  'lesson.detail.because': {
    en: (p: { fact: Msg; explanation: Msg }, r: RenderNested) => `${r(p.fact)}. ${r(p.explanation)}`,
    ko: (p, r) => `${r(p.fact)}. ${r(p.explanation)}`,
    example: {
      fact: { id: 'sim.loop', params: {} },
      explanation: { id: 'sim.loop', params: {} },
    },
  },
  'lesson.detail.evalError': {
    en: (p: { expression: string; error: string }) =>
      `the challenge could not evaluate ${p.expression}: ${p.error}`,
    ko: (p) => `챌린지가 ${p.expression} 식을 계산하지 못했습니다: ${p.error}`,
    example: { expression: 'results[0].outcome', error: 'unknown function' },
  },
  'lesson.detail.runError': {
    en: (p: { command: string; error: string | Msg }, r: RenderNested) =>
      `the command "${p.command}" failed: ${typeof p.error === 'string' ? p.error : r(p.error)}`,
    ko: (p, r) => `"${p.command}" 명령이 실패했습니다: ${typeof p.error === 'string' ? p.error : r(p.error)}`,
    example: { command: 'curl --from pod/client http://web', error: 'pods "client" not found' },
  },
  'lesson.detail.limit': {
    en: (p: { what: string; limit: number }) => `the challenge asks for more than ${p.limit} ${p.what}`,
    ko: (p) => `챌린지가 ${josa(p.what, '을/를')} ${p.limit}개보다 많이 요구합니다`,
    example: { what: 'requests', limit: 1000 },
  },
  'lesson.prediction.right': {
    en: (p: { choice: Msg }, r: RenderNested) => `Right: ${r(p.choice)}`,
    ko: (p, r) => `맞았습니다: ${r(p.choice)}`,
    example: { choice: { id: 'sim.loop', params: {} } },
  },
  'lesson.prediction.wrong': {
    en: (p: { chosen: Msg; actual: Msg[] }, r: RenderNested) =>
      p.actual.length
        ? `Not quite: you expected "${r(p.chosen)}", but the cluster did this: ${p.actual.map(r).join(' / ')}`
        : `Not quite: you expected "${r(p.chosen)}", and none of the choices describes what the cluster did (has the scene been edited?)`,
    ko: (p, r) =>
      p.actual.length
        ? `아쉽습니다. "${r(p.chosen)}"${pick(r(p.chosen), '이라/라')}고 예상했지만 클러스터는 이렇게 동작했습니다: ${p.actual.map(r).join(' / ')}`
        : `아쉽습니다. "${r(p.chosen)}"${pick(r(p.chosen), '이라/라')}고 예상했지만, 클러스터의 동작은 어느 보기에도 해당하지 않습니다(장면을 고쳤나요?)`,
    example: {
      chosen: { id: 'sim.loop', params: {} },
      actual: [{ id: 'sim.loop', params: {} }],
    },
  },
  'lesson.validate.verdict': {
    en: (p: {
      kind: 'scene' | 'solution' | 'example';
      files: string;
      challenge: string;
      expect: 'pass' | 'fail';
      passed: boolean;
    }) => {
      const what =
        p.kind === 'scene' ? 'the starting scene' : p.kind === 'solution' ? 'the solution' : 'the example';
      const verdict = p.passed ? 'passes' : 'fails';
      const ok = p.passed === (p.expect === 'pass');
      return `${what} (${p.files}) ${verdict} ${p.challenge}${ok ? '' : `, but it should ${p.expect}`}`;
    },
    ko: (p) => {
      const what = p.kind === 'scene' ? '시작 장면' : p.kind === 'solution' ? '모범 답안' : '예시 장면';
      const verdict = p.passed ? '통과합니다' : '통과하지 못합니다';
      const ok = p.passed === (p.expect === 'pass');
      return `${what}(${p.files})${pick(what, '이/가')} ${josa(p.challenge, '을/를')} ${verdict}${ok ? '' : ` (${p.expect === 'pass' ? '통과해야' : '실패해야'} 합니다)`}`;
    },
    example: {
      kind: 'solution',
      files: 'solution.yaml',
      challenge: 'clusterip-selector',
      expect: 'pass',
      passed: false,
    },
  },
  'lesson.validate.sceneErrors': {
    en: (p: { files: string; first: string }) =>
      `the starting scene (${p.files}) has errors the API server would refuse; first: ${p.first}`,
    ko: (p) => `시작 장면(${p.files})에 API 서버가 거부할 오류가 있습니다. 첫 번째: ${p.first}`,
    example: { files: 'scene.yaml', first: 'The Service "web" is invalid: spec.ports: Required value' },
  },
  'lesson.validate.noSolution': {
    en: (_: object) => 'the lesson has challenges but no solution: give one that passes them all',
    ko: () => '챌린지가 있는데 모범 답안(solution)이 없습니다. 모든 챌린지를 통과하는 답안을 넣어 주세요',
    example: {},
  },
});
