/** The Korean comments of ../readiness.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const readiness: CommentTable = [
  {
    en: [
      'Readiness: a pod that is not Ready is not an endpoint',
      '',
      'Three pods carry the label the Service selects, but api-3 reports Ready=False (its readiness probe',
      'fails). The endpoints controller lists it under notReadyAddresses (EndpointSlice: ready: false), so',
      'kube-proxy writes rules for api-1 and api-2 only. A failing readiness probe does not restart the',
      'container (that is the liveness probe); it only takes the pod out of the Service.',
      '',
      'The status blocks are what `kubectl get pod -o yaml` would show; svclab honours them.',
      '',
      'Try: `get endpoints api`, then send http://api from pod/client with count 100 — no request reaches',
      'api-3. Change api-3\'s Ready condition to "True" and send again.',
    ],
    ko: [
      '준비성: Ready가 아닌 파드는 엔드포인트가 아닙니다',
      '',
      '세 파드 모두 서비스가 고르는 레이블을 달고 있지만, api-3은 준비성 프로브가',
      '실패해서 Ready=False입니다. 엔드포인트 컨트롤러는 이 파드를 notReadyAddresses에',
      '넣고(엔드포인트슬라이스에서는 ready: false), kube-proxy는 api-1과 api-2에 대한',
      '규칙만 씁니다. 준비성 프로브가 실패해도 컨테이너는 재시작되지 않습니다(그건 활성',
      '프로브의 일입니다). 파드가 서비스에서 빠질 뿐입니다.',
      '',
      'status 블록은 `kubectl get pod -o yaml`이 보여 줄 내용이고, svclab은 이를 그대로',
      '따릅니다.',
      '',
      '해 보기: `get endpoints api`를 본 뒤 pod/client에서 http://api로 count 100을',
      '보내 보세요. api-3에는 요청이 하나도 가지 않습니다. api-3의 Ready 조건을 "True"로',
      '바꾸고 다시 보내 보세요.',
    ],
  },
  {
    en: ['the readiness probe is failing: not an endpoint'],
    ko: ['준비성 프로브 실패 중: 엔드포인트가 아님'],
  },
];
