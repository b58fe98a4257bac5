/**
 * What the `svclab` command line says about its own arguments and the files it is given, before any
 * command runs: a flag without its value, a seed or language it cannot take, a manifest it cannot read.
 * The file names and values are quoted as given.
 */
import { defineMessages } from './define';
import { josa } from './josa';

/** Why a file could not be opened, as the operating system said it. */
export type ReadFailure = 'missing' | 'directory' | 'denied';

export const cliInput = defineMessages({
  'cli.flagNeedsArgument': {
    en: (p: { flag: string }) => `flag needs an argument: ${p.flag}`,
    ko: (p) => `${p.flag} 뒤에 값을 적으세요`,
    example: { flag: '-f' },
  },
  'cli.seedValue': {
    en: (p: { value: string }) => `--seed takes a whole number from 0 to 4294967295, not "${p.value}"`,
    ko: (p) => `--seed에는 0부터 4294967295까지의 정수를 적으세요(받은 값: "${p.value}")`,
    example: { value: 'abc' },
  },
  'cli.langValue': {
    en: (p: { value: string }) => `--lang takes en or ko, not "${p.value}"`,
    ko: (p) => `--lang에는 en 또는 ko를 적으세요(받은 값: "${p.value}")`,
    example: { value: 'fr' },
  },
  'cli.cannotRead': {
    en: (p: { file: string; why: ReadFailure }) =>
      `cannot read ${p.file}: ${
        p.why === 'missing'
          ? 'no such file or directory'
          : p.why === 'directory'
            ? 'is a directory (give the YAML files inside it with -f each)'
            : 'permission denied'
      }`,
    ko: (p) =>
      `${p.file} 파일을 읽을 수 없습니다: ${
        p.why === 'missing'
          ? '그런 파일이나 디렉터리가 없습니다'
          : p.why === 'directory'
            ? '디렉터리입니다(그 안의 YAML 파일을 하나씩 -f로 주세요)'
            : '읽을 권한이 없습니다'
      }`,
    example: { file: 'scene.yaml', why: 'missing' },
  },
  'cli.cannotReadOther': {
    en: (p: { file: string; detail: string }) => `cannot read ${p.file}: ${p.detail}`,
    ko: (p) => `${p.file} 파일을 읽을 수 없습니다: ${p.detail}`,
    example: { file: 'scene.yaml', detail: 'EIO: i/o error, read' },
  },
  'cli.fileTooLarge': {
    en: (p: { file: string; size: string }) =>
      `cannot read ${p.file}: it is ${p.size}; svclab reads manifests of at most 5 MiB`,
    ko: (p) =>
      `${p.file} 파일을 읽을 수 없습니다: 크기가 ${p.size}인데 svclab은 5 MiB까지의 매니페스트만 읽습니다`,
    example: { file: 'dump.yaml', size: '80.0 MiB' },
  },
  'cli.streamTooLarge': {
    en: (p: { file: string; limit: string }) =>
      `cannot read ${p.file}: more than ${p.limit}; svclab reads at most 5 MiB`,
    ko: (p) =>
      `${p.file} 입력을 읽을 수 없습니다: ${josa(p.limit, '을/를')} 넘습니다. svclab은 5 MiB까지만 읽습니다`,
    example: { file: '-', limit: '64.0 MiB' },
  },
  'cli.notText': {
    en: (p: { file: string }) =>
      `cannot read ${p.file}: it is not a text file (it holds NUL bytes); give YAML manifests`,
    ko: (p) => `${p.file} 파일은 텍스트 파일이 아닙니다(NUL 바이트가 있습니다). YAML 매니페스트를 주세요`,
    example: { file: 'image.png' },
  },
  'cli.internalError': {
    en: (p: { detail: string }) => `internal error: ${p.detail}`,
    ko: (p) => `내부 오류: ${p.detail}`,
    example: { detail: "Cannot read properties of null (reading 'length')" },
  },
});
