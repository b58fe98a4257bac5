/**
 * What is wrong with a lesson file an instructor wrote (the lesson format's decoder): the place is given
 * beside the message (file, line, field), so each sentence says only what is wrong and what to write.
 * zod's own messages for a wrong type, size or value come in both languages from zod's locales
 * (`lesson.format.schema`); everything the format itself requires is here.
 */
import { defineMessages } from './define';
import { josa, pick } from './josa';

export const lessonFormat = defineMessages({
  /** zod's message for a wrong type, size or value, rendered by zod in each language. */
  'lesson.format.schema': {
    en: (p: { en: string; ko: string }) => p.en,
    ko: (p) => p.ko,
    example: {
      en: 'Invalid input: expected string, received number',
      ko: '잘못된 입력: 예상 타입은 string, 받은 타입은 number입니다',
    },
  },
  'lesson.format.required': {
    en: (p: { expected: string }) => `required field is missing: add it (${p.expected})`,
    ko: (p) => `꼭 있어야 하는 필드가 없습니다. 이 필드(${p.expected})를 추가하세요`,
    example: { expected: 'array' },
  },
  'lesson.format.unknownField': {
    en: (p: { key: string }) => `unknown field "${p.key}": check its spelling and indentation`,
    ko: (p) => `"${p.key}"${pick(p.key, '은/는')} 레슨 형식에 없는 필드입니다. 철자와 들여쓰기를 확인하세요`,
    example: { key: 'stpes' },
  },
  'lesson.format.slug': {
    en: (_: object) => 'use lowercase letters, digits and dashes (like "named-targetport")',
    ko: () => '영문 소문자, 숫자, 대시(-)만 쓰세요(예: "named-targetport")',
    example: {},
  },
  'lesson.format.ident': {
    en: (_: object) => 'use a name of letters, digits and _ (like "webPods")',
    ko: () => '영문자, 숫자, 밑줄(_)로 된 이름을 쓰세요(예: "webPods")',
    example: {},
  },
  'lesson.format.filePath': {
    en: (_: object) => 'use a relative path inside the lesson (like "scene.yaml"), without ".."',
    ko: () => '레슨 폴더 안의 상대 경로를 쓰세요(예: "scene.yaml"). ".."은 쓸 수 없습니다',
    example: {},
  },
  'lesson.format.range': {
    en: (_: object) => 'give atLeast, atMost or equals',
    ko: () => 'atLeast, atMost, equals 중 하나를 쓰세요',
    example: {},
  },
  'lesson.format.noOperator': {
    en: (p: { operators: string[] }) => `give one operator: ${p.operators.join(', ')}, or atLeast/atMost`,
    ko: (p) => `연산자를 하나 쓰세요: ${p.operators.join(', ')} 또는 atLeast/atMost`,
    example: { operators: ['equals', 'oneOf'] },
  },
  'lesson.format.manyOperators': {
    en: (p: { kinds: string[] }) =>
      `give one operator per condition, not ${p.kinds.join(' and ')} (use all: [...] to combine)`,
    ko: (p) =>
      `조건 하나에는 연산자를 하나만 씁니다. ${josa(p.kinds.map((k, i) => (i < p.kinds.length - 1 ? josa(k, '와/과') : k)).join(' '), '을/를')} 함께 쓰려면 all: [...]로 조건을 묶으세요`,
    example: { kinds: ['equals', 'oneOf'] },
  },
  'lesson.format.distinct': {
    en: (_: object) => 'distinct goes with count',
    ko: () => 'distinct는 count와 함께 씁니다',
    example: {},
  },
  'lesson.format.label': {
    en: (_: object) => 'label goes with every, some or none',
    ko: () => 'label은 every, some, none과 함께 씁니다',
    example: {},
  },
  'lesson.format.commandOrValue': {
    en: (_: object) => 'give a command or a value (one of them)',
    ko: () => 'command와 value 중 하나만 쓰세요',
    example: {},
  },
  'lesson.format.forEachAs': {
    en: (_: object) => 'forEach and as go together (forEach: "nodes.items", as: node)',
    ko: () => 'forEach와 as는 함께 씁니다(예: forEach: "nodes.items", as: node)',
    example: {},
  },
  'lesson.format.forEachCommand': {
    en: (_: object) => 'forEach goes with a command',
    ko: () => 'forEach는 command와 함께 씁니다',
    example: {},
  },
  'lesson.format.checkMapping': {
    en: (_: object) => 'a check is a mapping with description and a condition',
    ko: () => '체크는 description과 조건을 가진 매핑이어야 합니다',
    example: {},
  },
  'lesson.format.solutionNeedsChallenge': {
    en: (_: object) => 'a solution needs a challenge to pass',
    ko: () => 'solution이 있으면 그 풀이가 통과할 챌린지도 있어야 합니다',
    example: {},
  },
  'lesson.format.duplicateChallenge': {
    en: (p: { id: string }) => `challenge id "${p.id}" is used twice`,
    ko: (p) => `챌린지 id "${p.id}"${pick(p.id, '이/가')} 두 번 쓰였습니다`,
    example: { id: 'clusterip-selector' },
  },
  'lesson.format.noSuchChallenge': {
    en: (p: { id: string }) => `no challenge "${p.id}" in this lesson`,
    ko: (p) => `이 레슨에는 "${p.id}" 챌린지가 없습니다`,
    example: { id: 'nope' },
  },
  'lesson.format.duplicateName': {
    en: (p: { name: string }) => `"${p.name}" names two commands`,
    ko: (p) => `"${p.name}"${pick(p.name, '이라/라')}는 이름이 두 명령에 쓰였습니다`,
    example: { name: 'r' },
  },
  'lesson.format.unknownRef': {
    en: (p: { name: string; known: string[] }) =>
      `no command or let value is named "${p.name}" (known: ${p.known.join(', ')})`,
    ko: (p) =>
      `"${p.name}"${pick(p.name, '이라/라')}는 이름의 명령이나 let 값이 없습니다(있는 이름: ${p.known.join(', ')})`,
    example: { name: 'pods', known: ['r', 'webPods'] },
  },
  'lesson.format.notJmesPath': {
    en: (p: { error: string }) => `not a JMESPath expression: ${p.error}`,
    ko: (p) => `JMESPath 식이 아닙니다: ${p.error}`,
    example: { error: 'Unexpected token: ]' },
  },
  'lesson.format.noFile': {
    en: (p: { file: string }) => `the lesson has no file "${p.file}"`,
    ko: (p) => `레슨에 "${p.file}" 파일이 없습니다`,
    example: { file: 'scene.yaml' },
  },
  'lesson.format.tooLarge': {
    en: (p: { limit: number }) => `the file is larger than ${p.limit} bytes`,
    ko: (p) => `파일이 ${p.limit}바이트보다 큽니다`,
    example: { limit: 2_000_000 },
  },
  'lesson.format.tooDeep': {
    en: (p: { limit: number }) =>
      `the file nests more than ${p.limit} levels deep; a lesson never needs that many, so svclab does not read it`,
    ko: (p) =>
      `파일이 ${p.limit}단계보다 깊게 중첩되어 있습니다. 레슨에는 그만큼 깊은 구조가 필요 없으므로 svclab은 이 파일을 읽지 않습니다`,
    example: { limit: 100 },
  },
  'lesson.format.aliasLimit': {
    en: (p: { limit: number }) =>
      `the file expands more than ${p.limit} YAML aliases (*name); a lesson never needs that many, and so many is how a "billion laughs" file exhausts memory`,
    ko: (p) =>
      `파일이 YAML 별칭(*이름)을 ${p.limit}개보다 많이 펼칩니다. 레슨에는 그만큼 필요 없고, 이렇게 많은 별칭은 메모리를 바닥내는 "billion laughs" 공격에 쓰입니다`,
    example: { limit: 100 },
  },
  'lesson.format.folderTooLarge': {
    en: (p: { limit: number }) => `the folder holds more than ${p.limit} bytes`,
    ko: (p) => `폴더의 파일이 모두 합쳐 ${p.limit}바이트를 넘습니다`,
    example: { limit: 2_000_000 },
  },
  'lesson.format.needLessonYaml': {
    en: (_: object) => 'a lesson folder needs a lesson.yaml',
    ko: () => '레슨 폴더에는 lesson.yaml이 있어야 합니다',
    example: {},
  },
  'lesson.format.noSuchFile': {
    en: (_: object) => 'no such file or directory',
    ko: () => '그런 파일이나 폴더가 없습니다',
    example: {},
  },
  'lesson.format.noFolder': {
    en: (p: { id: string }) => `course.yaml names a lesson folder "${p.id}" that does not exist`,
    ko: (p) => `course.yaml에 적힌 레슨 폴더 "${p.id}"${pick(p.id, '이/가')} 없습니다`,
    example: { id: 'clusterip' },
  },
  'lesson.format.engineError': {
    en: (p: { error: string }) => `svclab's engine could not read the lesson: ${p.error}`,
    ko: (p) => `svclab 엔진이 레슨을 읽지 못했습니다: ${p.error}`,
    example: { error: 'the engine is not running' },
  },
  /** The YAML parser's own message (English, as the yaml library prints it), with what to look at. */
  'lesson.format.yaml': {
    en: (p: { error: string }) => `${p.error} (look at the indentation, colons and quotes on this line)`,
    ko: (p) => `YAML을 읽지 못했습니다: ${p.error} (이 줄의 들여쓰기, 콜론, 따옴표를 확인하세요)`,
    example: { error: 'Map keys must be unique' },
  },
});
