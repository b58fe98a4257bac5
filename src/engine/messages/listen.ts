/**
 * Why svclab thinks a pod listens where it does (cluster/listen.ts): the image's program (the catalogue of
 * well-known images, cluster/image-ports.ts), the declared containerPorts of an image svclab does not know,
 * or the pod's `svclab.io/listen` annotation. Said where a connection is refused.
 */
import { defineMessages } from './define';
import { josa } from './josa';

const list = (xs: string[], none: string): string => (xs.length ? xs.join(', ') : none);

export const listen = defineMessages({
  'listen.image': {
    en: (p: { container: string; image: string; sockets: string[] }) =>
      `Container ${p.container} runs ${p.image}, which listens on ${list(p.sockets, 'nothing')} whatever its ports list says (containerPort is informational).`,
    ko: (p) =>
      `${p.container} 컨테이너는 ${josa(p.image, '을/를')} 실행하고, ports 목록과 상관없이 ${list(p.sockets, '아무 포트도 없음')}에서 기다립니다(containerPort는 정보를 적어 두는 필드일 뿐입니다).`,
    example: { container: 'web', image: 'nginx', sockets: ['80/TCP'] },
  },
  'listen.declared': {
    en: (p: { container: string; image: string }) =>
      `svclab does not know what image ${p.image} listens on, so it takes container ${p.container}'s declared containerPorts as what it listens on; the pod annotation svclab.io/listen says otherwise.`,
    ko: (p) =>
      `svclab은 ${p.image} 이미지가 어느 포트에서 기다리는지 모르므로, ${p.container} 컨테이너에 선언된 containerPort를 기다리는 포트로 봅니다. 다르다면 파드 어노테이션 svclab.io/listen으로 알려 주세요.`,
    example: { container: 'api', image: 'example.com/team/api:1' },
  },
  'listen.annotation': {
    en: (p: { value: string }) => `The pod's svclab.io/listen annotation says it listens on ${p.value}.`,
    ko: (p) => `파드의 svclab.io/listen 어노테이션에 따르면 ${p.value}에서 기다립니다.`,
    example: { value: '8080,127.0.0.1:9090' },
  },
});
