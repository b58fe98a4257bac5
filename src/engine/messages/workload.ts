/**
 * The workload controllers' explanations (StatefulSet, DaemonSet, Job, HorizontalPodAutoscaler): why a
 * controller made fewer pods than asked, which pods svclab takes to finish, and an autoscaler's target.
 */
import { defineMessages } from './define';
import { josa } from './josa';

const KIND_KO: Record<string, string> = {
  StatefulSet: '스테이트풀셋',
  ReplicaSet: '레플리카셋',
  Deployment: '디플로이먼트',
  DaemonSet: '데몬셋',
  Job: '잡',
};
const kindKo = (kind: string): string => KIND_KO[kind] ?? kind;

export const workload = defineMessages({
  /** An OrderedReady StatefulSet stops at its first pod that is not ready. */
  'workload.statefulSetWaiting': {
    en: (p: { name: string; made: number; replicas: number; pod: string }) =>
      `StatefulSet ${p.name} has ${p.made} of ${p.replicas} pods: with podManagementPolicy OrderedReady (the default) it creates the next ordinal only once ${p.pod} is Running and Ready, and ${p.pod} is not ready.`,
    ko: (p) =>
      `스테이트풀셋 ${p.name}의 파드는 ${p.replicas}개 중 ${p.made}개뿐입니다. podManagementPolicy가 OrderedReady(기본값)이면 ${josa(p.pod, '이/가')} Running이면서 Ready가 되어야 다음 순번의 파드를 만드는데, ${josa(p.pod, '이/가')} 아직 준비되지 않았습니다.`,
    example: { name: 'web', made: 1, replicas: 3, pod: 'web-0' },
  },
  'workload.statefulSetWaitingHint': {
    en: (p: { pod: string }) =>
      `Make ${p.pod} ready (its readiness probe must reach a port the container listens on), or set podManagementPolicy: Parallel to create every pod at once.`,
    ko: (p) =>
      `${josa(p.pod, '을/를')} 준비 상태로 만드세요(준비성 프로브가 컨테이너가 실제로 듣는 포트를 검사해야 합니다). 아니면 podManagementPolicy: Parallel로 모든 파드를 한 번에 만들 수 있습니다.`,
    example: { pod: 'web-0' },
  },
  /** A DaemonSet whose template fits no node. */
  'workload.daemonSetNoNode': {
    en: (p: { name: string; nodes: number }) =>
      `DaemonSet ${p.name} runs no pod: none of the ${p.nodes} nodes matches its nodeSelector or node affinity, or each has a NoSchedule/NoExecute taint its pods do not tolerate.`,
    ko: (p) =>
      `데몬셋 ${p.name}의 파드가 하나도 없습니다. 노드 ${p.nodes}개 모두 노드 셀렉터나 노드 어피니티에 맞지 않거나, 파드가 용인(toleration)하지 않는 NoSchedule/NoExecute 테인트가 있습니다.`,
    example: { name: 'fluentd', nodes: 3 },
  },
  /** svclab cannot run a Job's command: it takes the pods to succeed. */
  'workload.jobCompletes': {
    en: (p: { name: string; pods: number }) =>
      `svclab does not run containers' commands: it takes each of Job ${p.name}'s ${p.pods} pods to exit 0, so they end Completed (phase Succeeded) and are never a Service's endpoints.`,
    ko: (p) =>
      `svclab은 컨테이너의 명령을 실제로 실행하지 않습니다. 잡 ${p.name}의 파드 ${p.pods}개가 모두 종료 코드 0으로 끝났다고 보고 Completed(phase Succeeded)로 두며, 이 파드들은 서비스의 엔드포인트가 되지 않습니다.`,
    example: { name: 'pi', pods: 3 },
  },
  /** An autoscaler whose scaleTargetRef names nothing in its namespace. */
  'workload.hpaNoTarget': {
    en: (p: { name: string; kind: string; target: string; namespace: string }) =>
      `HorizontalPodAutoscaler ${p.name} scales ${p.kind} ${p.target}, which does not exist in namespace ${p.namespace}: the controller reports FailedGetScale and scales nothing.`,
    ko: (p) =>
      `HorizontalPodAutoscaler ${josa(p.name, '이/가')} 가리키는 ${p.kind} ${josa(p.target, '이/가')} 네임스페이스 ${p.namespace}에 없습니다. 컨트롤러는 FailedGetScale을 알리고 아무것도 스케일하지 않습니다.`,
    example: { name: 'web', kind: 'Deployment', target: 'web', namespace: 'default' },
  },
  /** An autoscaler changed its target's replicas. */
  'workload.hpaScaled': {
    en: (p: { name: string; kind: string; target: string; from: number; to: number }) =>
      `HorizontalPodAutoscaler ${p.name} scaled ${p.kind} ${p.target} from ${p.from} to ${p.to} replicas: the controller keeps replicas between minReplicas and maxReplicas before it reads any metric.`,
    ko: (p) =>
      `HorizontalPodAutoscaler ${josa(p.name, '이/가')} ${p.kind} ${p.target}의 레플리카를 ${p.from}개에서 ${p.to}개로 바꿨습니다. 컨트롤러는 메트릭을 읽기 전에 먼저 레플리카 수를 minReplicas와 maxReplicas 사이로 맞춥니다.`,
    example: { name: 'web', kind: 'Deployment', target: 'web', from: 1, to: 3 },
  },
  /** The API server accepts a workload but refuses the pods made from its template (FailedCreate). */
  'workload.failedCreate': {
    en: (p: { kind: string; name: string; pod: string; event: string }) =>
      `The API server accepted ${p.kind} ${p.name} but refuses to create its pod ${p.pod}: a pod is validated again when it is created, against rules its template was not checked for, so ${p.pod} does not exist. The controller records the event Warning FailedCreate: ${p.event}`,
    ko: (p) =>
      `API 서버는 ${kindKo(p.kind)} ${p.name} 오브젝트는 받아들이지만 파드 ${p.pod}의 생성은 거부합니다. 파드는 만들어질 때 파드로서 다시 검증되는데, 파드 템플릿은 그 규칙으로 검사받지 않았습니다. 그래서 이 파드는 생기지 않고, 컨트롤러는 Warning FailedCreate 이벤트를 남깁니다: ${p.event}`,
    // The event first: the glossary test cuts each parameter out of the Korean text in this order.
    example: {
      event:
        'create Pod db-0 in StatefulSet db failed error: Pod "db-0" is invalid: spec.containers[0].image: Required value',
      kind: 'StatefulSet',
      name: 'db',
      pod: 'db-0',
    },
  },
  /** The workload's pods are refused by the Priority admission plugin (FailedCreate). */
  'workload.failedCreatePriority': {
    en: (p: { kind: string; name: string; event: string }) =>
      `The API server accepted ${p.kind} ${p.name} but the Priority admission plugin refuses every pod made from its template: it checks the pod's priorityClassName (and any priority written in it) when the pod is created, not when the template is, so ${p.kind} ${p.name} has no pods. The controller records the event Warning FailedCreate: ${p.event}`,
    ko: (p) =>
      `API 서버는 ${kindKo(p.kind)} ${p.name} 오브젝트는 받아들이지만, Priority 어드미션 플러그인이 파드 템플릿으로 만든 파드를 모두 거부합니다. 이 플러그인은 템플릿이 아니라 파드가 만들어질 때 priorityClassName과 파드에 적힌 priority를 검사합니다. 그래서 파드가 하나도 생기지 않고, 컨트롤러는 Warning FailedCreate 이벤트를 남깁니다: ${p.event}`,
    // The event first: the glossary test cuts each parameter out of the Korean text in this order.
    example: {
      event:
        'create Pod db-0 in StatefulSet db failed error: pods "db-0" is forbidden: no PriorityClass with name high-priority was found',
      kind: 'StatefulSet',
      name: 'db',
    },
  },
  'workload.failedCreatePriorityHint': {
    en: (p: { on: string }) =>
      `Create the PriorityClass the template names (spec.template.spec.priorityClassName) or name one that exists, and leave priority and preemptionPolicy out of the template: the plugin writes them. The controller retries and then makes the pods. On a cluster, kubectl describe ${p.on} shows this event.`,
    ko: (p) =>
      `템플릿의 spec.template.spec.priorityClassName이 가리키는 프라이어리티클래스를 만들거나 이미 있는 클래스를 지정하고, 템플릿에는 priority와 preemptionPolicy를 적지 마세요. 이 두 값은 플러그인이 씁니다. 그러면 컨트롤러가 다시 시도해서 파드를 만듭니다. 실제 클러스터에서는 kubectl describe ${p.on} 명령으로 이 이벤트를 볼 수 있습니다.`,
    example: { on: 'statefulset db' },
  },
  'workload.failedCreateHint': {
    en: (p: { on: string }) =>
      `Fix the pod template (spec.template): the error names the pod's field. On a cluster, kubectl describe ${p.on} shows this event.`,
    ko: (p) =>
      `파드 템플릿(spec.template)을 고치세요. 오류 메시지에 파드의 어느 필드가 잘못됐는지 나옵니다. 실제 클러스터에서는 kubectl describe ${p.on} 명령으로 이 이벤트를 볼 수 있습니다.`,
    example: { on: 'statefulset db' },
  },
});
