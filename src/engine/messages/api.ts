/**
 * What an API server error means, for the Korean reader: the error itself stays exactly as kubectl
 * prints it (English, as on a real cluster), and this line beside it says in the reader's language
 * what is wrong and how to fix it. Keyed by the error's type (field.ErrorType) or its code.
 */
import { defineMessages } from './define';
import { josa } from './josa';

export const api = defineMessages({
  'api.meaning.required': {
    en: (p: { field: string }) => `${p.field} must be set: add it to the YAML.`,
    ko: (p) => `${p.field} 필드는 반드시 있어야 합니다. YAML에 이 필드를 채우세요.`,
    example: { field: 'spec.ports[0].port' },
  },
  'api.meaning.invalid': {
    en: (p: { field: string }) =>
      `The value of ${p.field} is not allowed: the text after "Invalid value" says what the API server expects.`,
    ko: (p) =>
      `${p.field} 필드의 값을 API 서버가 받아들이지 않습니다. "Invalid value" 뒤의 설명이 어떤 값이어야 하는지 알려 줍니다.`,
    example: { field: 'spec.ports[0].nodePort' },
  },
  'api.meaning.duplicate': {
    en: (p: { field: string }) =>
      `${p.field} repeats a value another entry of the same list already has: each must be unique.`,
    ko: (p) => `${p.field} 값이 같은 목록의 다른 항목과 겹칩니다. 목록 안에서 값이 서로 달라야 합니다.`,
    example: { field: 'spec.ports[1].name' },
  },
  'api.meaning.unsupported': {
    en: (p: { field: string }) =>
      `${p.field} accepts only the values listed after "supported values": pick one of them (the case matters).`,
    ko: (p) =>
      `${p.field} 필드에는 "supported values" 뒤에 나열된 값만 쓸 수 있습니다. 그중 하나를 고르세요(대소문자도 맞아야 합니다).`,
    example: { field: 'spec.type' },
  },
  'api.meaning.forbidden': {
    en: (p: { field: string }) =>
      `${p.field} may not be set here, or not in this combination with other fields: remove it or change the fields it conflicts with.`,
    ko: (p) =>
      `${p.field} 필드는 여기에 쓸 수 없거나, 다른 필드와 함께 쓸 수 없습니다. 이 필드를 지우거나 충돌하는 필드를 고치세요.`,
    example: { field: 'spec.externalTrafficPolicy' },
  },
  'api.meaning.tooMany': {
    en: (p: { field: string }) => `${p.field} has more entries than the API server allows: remove some.`,
    ko: (p) => `${p.field} 필드의 항목이 API 서버가 허용하는 개수보다 많습니다. 몇 개를 지우세요.`,
    example: { field: 'spec.ports' },
  },
  'api.meaning.notFound': {
    en: (p: { field: string }) => `${p.field} refers to something that does not exist.`,
    ko: (p) => `${p.field} 필드가 가리키는 대상이 없습니다.`,
    example: { field: 'spec.ports[0].targetPort' },
  },
  'api.meaning.allocated': {
    en: (p: { field: string }) =>
      `The address or port in ${p.field} is already taken by another Service: choose a free one, or leave the field out so Kubernetes picks one.`,
    ko: (p) =>
      `${p.field}에 쓴 주소나 포트를 이미 다른 서비스가 쓰고 있습니다. 비어 있는 값을 고르거나, 필드를 지워서 쿠버네티스가 고르게 하세요.`,
    example: { field: 'spec.ports[0].nodePort' },
  },
  'api.meaning.range': {
    en: (p: { field: string }) =>
      `The value of ${p.field} is outside the range this cluster allocates from (the message says which range).`,
    ko: (p) => `${p.field} 값이 이 클러스터가 할당하는 범위를 벗어났습니다(범위는 메시지에 나옵니다).`,
    example: { field: 'spec.ports[0].nodePort' },
  },
  'api.meaning.full': {
    en: (p: { field: string }) =>
      `The cluster has no free value left for ${p.field}: delete a Service or widen the range.`,
    ko: (p) =>
      `${p.field}에 줄 수 있는 값이 클러스터에 더 남아 있지 않습니다. 서비스를 지우거나 범위를 넓히세요.`,
    example: { field: 'spec.clusterIP' },
  },
  'api.meaning.schemaType': {
    en: (p: { field: string }) =>
      `${p.field} has the wrong type (a string where a number or a list is expected, say): check the indentation and quotes.`,
    ko: (p) =>
      `${p.field} 필드의 타입이 맞지 않습니다(숫자나 목록이 와야 할 자리에 문자열이 있는 식). 들여쓰기와 따옴표를 확인하세요.`,
    example: { field: 'spec.ports[0].port' },
  },
  'api.meaning.unknownField': {
    en: (p: { field: string }) =>
      `${p.field} is not a field of this kind: check its spelling and indentation (kubectl apply refuses it with strict field validation).`,
    ko: (p) =>
      `${josa(p.field, '은/는')} 이 종류의 오브젝트에 없는 필드입니다. 철자와 들여쓰기를 확인하세요(엄격한 필드 검증을 쓰는 kubectl apply는 거부합니다).`,
    example: { field: 'spec.selectr' },
  },
  'api.meaning.yaml': {
    en: (_: object) =>
      'The YAML parser could not read this part of the text: look at the indentation, colons and quotes at this line.',
    ko: () => 'YAML 파서가 이 부분을 읽지 못했습니다. 이 줄의 들여쓰기, 콜론, 따옴표를 확인하세요.',
    example: {},
  },
  'api.meaning.config': {
    en: (p: { field: string }) =>
      `The cluster configuration (kubeadm's ClusterConfiguration or KubeProxyConfiguration) has an invalid ${p.field}: the component would refuse to start; svclab keeps the default.`,
    ko: (p) =>
      `클러스터 설정(kubeadm의 ClusterConfiguration이나 KubeProxyConfiguration)의 ${p.field} 값이 잘못되었습니다. 실제로는 해당 구성 요소가 시작하지 못하며, svclab은 기본값을 씁니다.`,
    example: { field: 'networking.podSubnet' },
  },

  'api.hint.mhScheduler': {
    en: (_: object) =>
      "The IPVS proxier knows mh (Maglev hashing), but kube-proxy's config validation does not list it, so kube-proxy refuses to start.",
    ko: () =>
      'IPVS 프록시는 mh(Maglev 해싱)를 알지만, kube-proxy의 설정 검증 목록에는 없어서 kube-proxy가 시작하지 않습니다.',
    example: {},
  },
  'api.hint.schedulerPerNode': {
    en: (_: object) => 'The scheduler is one kube-proxy setting for every Service on the node.',
    ko: () => '스케줄러는 노드의 모든 서비스에 함께 적용되는 kube-proxy 설정 하나입니다.',
    example: {},
  },
  'api.hint.clusterIpTaken': {
    en: (_: object) => 'Another Service already has this ClusterIP; leave clusterIP out to get a free one.',
    ko: () =>
      '다른 서비스가 이미 이 클러스터 IP를 쓰고 있습니다. clusterIP를 지우면 비어 있는 주소를 받습니다.',
    example: {},
  },
  'api.hint.clientValidation': {
    en: (_: object) =>
      "kubectl's client-side validation (--validate=true with an older kubectl) rejects this; the API server accepts the zero value unless its own validation objects",
    ko: () =>
      'kubectl의 클라이언트 쪽 검증(예전 kubectl의 --validate=true)은 이것을 거부합니다. API 서버는 자체 검증에서 문제 삼지 않는 한 0 값을 받아들입니다.',
    example: {},
  },
  'api.hint.nodePortTaken': {
    en: (_: object) => 'Another Service already uses this nodePort; leave nodePort out to get a free one.',
    ko: () => '다른 서비스가 이미 이 nodePort를 쓰고 있습니다. nodePort를 지우면 비어 있는 포트를 받습니다.',
    example: {},
  },
});
