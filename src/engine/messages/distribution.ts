/**
 * A distribution experiment's verdict (`curl --count N`, the page's histogram): how far the observed split
 * is from the one the rules' chances give (simulate/distribution.ts). Numbers arrive formatted.
 */
import { defineMessages } from './define';
import { josa } from './josa';

interface Deviation {
  key: string;
  points: string;
}

export const distribution = defineMessages({
  'dist.fitAgrees': {
    en: (p: Deviation & { chi: string; df: number; critical: string }) =>
      `χ² = ${p.chi} with ${p.df} degree(s) of freedom, under ${p.critical} (the 5 % level): the split agrees with the rules' chances. Largest deviation: ${p.points} points (${p.key}).`,
    ko: (p) =>
      `χ² = ${p.chi}(자유도 ${p.df})로 5% 기준값 ${p.critical}보다 작습니다. 규칙이 정한 확률대로 나뉘었습니다. 가장 크게 벗어난 곳은 ${josa(p.key, '으로/로')} ${p.points}%p입니다.`,
    example: { chi: '0.32', df: 2, critical: '5.99', key: 'default/web-1', points: '0.9' },
  },
  'dist.fitDiffers': {
    en: (p: Deviation & { chi: string; df: number; critical: string }) =>
      `χ² = ${p.chi} with ${p.df} degree(s) of freedom, over ${p.critical} (the 5 % level): chance alone strays this far only 1 time in 20: look for something besides the rules' chances (or try another --seed). Largest deviation: ${p.points} points (${p.key}).`,
    ko: (p) =>
      `χ² = ${p.chi}(자유도 ${p.df})로 5% 기준값 ${p.critical}보다 큽니다. 우연만으로 이만큼 벗어나는 일은 20번에 한 번꼴입니다. 규칙의 확률 말고 다른 무언가가 결정했는지 살펴보세요(다른 --seed로도 해 보세요). 가장 크게 벗어난 곳은 ${josa(p.key, '으로/로')} ${p.points}%p입니다.`,
    example: { chi: '41.70', df: 2, critical: '5.99', key: 'default/web-0', points: '6.2' },
  },
  'dist.fitFew': {
    en: (p: Deviation & { chi: string; df: number }) =>
      `χ² = ${p.chi} with ${p.df} degree(s) of freedom, but that is fewer than 5 requests per place: send more for the test to mean something. Largest deviation: ${p.points} points (${p.key}).`,
    ko: (p) =>
      `χ² = ${p.chi}(자유도 ${p.df})이지만, 한 곳에 평균 5개도 안 되는 요청으로는 검정으로 보기 어렵습니다. 요청을 더 보내 보세요. 가장 크게 벗어난 곳은 ${josa(p.key, '으로/로')} ${p.points}%p입니다.`,
    example: { chi: '1.50', df: 2, key: 'default/web-0', points: '20.0' },
  },
  'dist.fitOne': {
    en: (p: Deviation) =>
      `The rules left each request one place to go (one endpoint, a kept connection, a DROP): there is nothing to test. Largest deviation: ${p.points} points (${p.key}).`,
    ko: (p) =>
      `규칙이 각 요청에 갈 곳을 하나만 남겼습니다(엔드포인트 하나, 유지된 연결, DROP). 검정할 것이 없습니다. 가장 크게 벗어난 곳은 ${josa(p.key, '으로/로')} ${p.points}%p입니다.`,
    example: { key: 'default/web-0', points: '0.0' },
  },
  'dist.fitImpossible': {
    en: (p: Deviation & { where: string }) =>
      `${p.where} got requests the rules' choice never sent there: what happened after the choice decided them (a stopped pod times out, a crashed container refuses). Largest deviation: ${p.points} points (${p.key}).`,
    ko: (p) =>
      `${p.where}에는 규칙의 선택이 보내지 않은 요청이 왔습니다. 선택 뒤에 일어난 일이 결과를 정했습니다(멈춘 파드는 타임아웃되고, 크래시한 컨테이너는 연결을 거부합니다). 가장 크게 벗어난 곳은 ${josa(p.key, '으로/로')} ${p.points}%p입니다.`,
    example: { where: '(timeout)', key: '(timeout)', points: '33.3' },
  },
  'dist.noExpected': {
    en: (_p: object) =>
      `No expected share: the last choice was the ingress controller's, and svclab does not give its balancer a chance per endpoint.`,
    ko: () =>
      `기대 비율이 없습니다. 마지막 선택을 인그레스 컨트롤러가 했고, svclab은 그 로드밸런서에 엔드포인트별 확률을 매기지 않습니다.`,
    example: {},
  },
});
