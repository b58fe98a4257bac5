/**
 * What svclab says about Gateway API objects the API server accepted but the Gateway controller (Envoy
 * Gateway) will not serve as the user meant: the lints placed on the YAML lines. The controller's own
 * condition (reason and message) is quoted as it is in the status, in English, as on a real cluster.
 */
import { defineMessages } from './define';
import { josa, pick } from './josa';

export const gatewayLint = defineMessages({
  'gwlint.class.unknown': {
    en: (p: { gateway: string; className: string }) =>
      `Gateway ${p.gateway} names GatewayClass "${p.className}", which does not exist: no controller programs this Gateway, so it stays Accepted=Unknown (Pending) and gets no address.`,
    ko: (p) =>
      `게이트웨이 ${josa(p.gateway, '이/가')} 가리키는 GatewayClass "${p.className}"${pick(p.className, '이/가')} 없습니다. 이 게이트웨이를 맡을 컨트롤러가 없으니 Accepted=Unknown(Pending)에 머물고 주소도 받지 못합니다.`,
    example: { gateway: 'default/eg', className: 'eg' },
  },
  'gwlint.class.otherController': {
    en: (p: { className: string; controllerName: string; ours: string }) =>
      `GatewayClass ${p.className} asks for controller "${p.controllerName}", but this cluster runs Envoy Gateway (${p.ours}): nothing accepts this class or the Gateways that use it.`,
    ko: (p) =>
      `GatewayClass ${josa(p.className, '은/는')} 컨트롤러 "${p.controllerName}"${pick(p.controllerName, '을/를')} 찾지만, 이 클러스터에서 돌아가는 것은 Envoy Gateway(${p.ours})입니다. 이 클래스와 이를 쓰는 게이트웨이는 아무도 받아 주지 않습니다.`,
    example: {
      className: 'nginx',
      controllerName: 'example.com/nginx',
      ours: 'gateway.envoyproxy.io/gatewayclass-controller',
    },
  },
  'gwlint.gateway.notProgrammed': {
    en: (p: { gateway: string; reason: string; message: string }) =>
      `Gateway ${p.gateway} is not Programmed (${p.reason}: ${p.message}): it does not serve traffic.`,
    ko: (p) =>
      `게이트웨이 ${josa(p.gateway, '이/가')} Programmed 상태가 아닙니다(${p.reason}: ${p.message}). 트래픽을 받지 못합니다.`,
    example: { gateway: 'default/eg', reason: 'Invalid', message: 'No listeners are valid' },
  },
  'gwlint.listener.notProgrammed': {
    en: (p: { listener: string; reason: string; message: string }) =>
      `Listener ${p.listener} is not programmed (${p.reason}: ${p.message}): Envoy does not open it and routes cannot use it.`,
    ko: (p) =>
      `리스너 ${josa(p.listener, '이/가')} 프로그래밍되지 않았습니다(${p.reason}: ${p.message}). Envoy가 이 리스너를 열지 않으니 라우트도 쓸 수 없습니다.`,
    example: {
      listener: 'https',
      reason: 'Invalid',
      message: 'Listener is invalid, see other Conditions for details.',
    },
  },
  'gwlint.listener.conflicted': {
    en: (p: { listener: string; reason: string; message: string }) =>
      `Listener ${p.listener} is Conflicted (${p.reason}): ${p.message}`,
    ko: (p) => `리스너 ${josa(p.listener, '이/가')} 다른 리스너와 충돌합니다(${p.reason}): ${p.message}`,
    example: {
      listener: 'http-2',
      reason: 'HostnameConflict',
      message: 'All listeners for a given port must use a unique hostname',
    },
  },
  'gwlint.route.notAccepted': {
    en: (p: { kind: string; parent: string; reason: string; message: string }) =>
      `${p.kind} is not accepted by Gateway ${p.parent} (${p.reason}: ${p.message}): none of its rules are served there.`,
    ko: (p) =>
      `게이트웨이 ${josa(p.parent, '이/가')} 이 ${josa(p.kind, '을/를')} 받아 주지 않았습니다(${p.reason}: ${p.message}). 이 게이트웨이에서는 규칙이 하나도 적용되지 않습니다.`,
    example: {
      kind: 'HTTPRoute',
      parent: 'default/eg',
      reason: 'NotAllowedByListeners',
      message: 'No listeners included by this parent ref allowed this attachment.',
    },
  },
  'gwlint.route.noGateway': {
    en: (p: { kind: string; parent: string }) =>
      `${p.kind} names Gateway ${p.parent}, which does not exist or is not served by Envoy Gateway: no controller attaches the route there.`,
    ko: (p) =>
      `${josa(p.kind, '이/가')} 게이트웨이 ${josa(p.parent, '을/를')} 가리키지만, 그런 게이트웨이가 없거나 Envoy Gateway가 맡은 것이 아닙니다. 라우트가 어디에도 붙지 않습니다.`,
    example: { kind: 'HTTPRoute', parent: 'default/eg' },
  },
  'gwlint.route.backendUnresolved': {
    en: (p: { reason: string; message: string }) =>
      `This backendRef cannot be used (${p.reason}: ${p.message}): the share of requests its weight would take gets 500 Internal Server Error.`,
    ko: (p) =>
      `이 backendRef는 쓸 수 없습니다(${p.reason}: ${p.message}). 가중치만큼의 요청은 500 Internal Server Error를 받습니다.`,
    example: {
      reason: 'BackendNotFound',
      message: 'Failed to process route rule 0 backendRef 0: service default/web-v2 not found.',
    },
  },
  'gwlint.route.ruleAnswers500': {
    en: (p: { rule: number }) =>
      `Rule ${p.rule} has no usable backend with a weight above 0, so the Gateway answers every request it matches with 500.`,
    ko: (p) =>
      `규칙 ${p.rule}에는 가중치가 0보다 큰, 쓸 수 있는 백엔드가 없습니다. 이 규칙에 걸리는 요청은 모두 게이트웨이가 500으로 직접 응답합니다.`,
    example: { rule: 0 },
  },
});
