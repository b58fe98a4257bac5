/**
 * The timeline's events: the faults a Timeline writes and the cluster's reactions at their default
 * timings (src/engine/timeline/), and what the data path says about a stopped node or crashed container.
 */
import { defineMessages } from './define';
import { josa } from './josa';

export const timeline = defineMessages({
  'timeline.nodeStopped': {
    en: (p: { node: string }) =>
      `Node ${p.node} stops (its kubelet stops posting status; its pods stop answering). Nothing else knows yet: kube-proxy on every node still sends connections to its pods, and they time out.`,
    ko: (p) =>
      `노드 ${josa(p.node, '이/가')} 멈춥니다(kubelet이 상태 보고를 멈추고, 그 노드의 파드도 응답하지 않습니다). 아직 아무도 모릅니다. 모든 노드의 kube-proxy가 여전히 그 파드로 연결을 보내고, 연결은 타임아웃됩니다.`,
    example: { node: 'node-2' },
  },
  'timeline.nodeNotReady': {
    en: (p: { node: string; grace: number; pods: number }) =>
      `After the node-monitor grace period (${p.grace} s without status), the node lifecycle controller marks ${p.node} Ready=Unknown, taints it node.kubernetes.io/unreachable (NoSchedule, NoExecute) and marks its ${p.pods} pod(s) not ready: the EndpointSlices list them with ready: false, and kube-proxy stops sending new connections to them.`,
    ko: (p) =>
      `노드 모니터 유예 시간(${p.grace}초 동안 상태 보고 없음)이 지나면 노드 수명 주기 컨트롤러가 ${josa(p.node, '을/를')} Ready=Unknown으로 표시하고, node.kubernetes.io/unreachable 테인트(NoSchedule, NoExecute)를 붙이고, 그 노드의 파드 ${p.pods}개를 준비되지 않음으로 표시합니다. 엔드포인트슬라이스에 ready: false로 올라가고, kube-proxy는 새 연결을 더 보내지 않습니다.`,
    example: { node: 'node-2', grace: 50, pods: 2 },
  },
  'timeline.podEvicted': {
    en: (p: { pod: string; node: string; seconds: number }) =>
      `Pod ${p.pod} tolerated the unreachable taint for ${p.seconds} s (tolerationSeconds); taint-based eviction now deletes it from ${p.node}.`,
    ko: (p) =>
      `파드 ${josa(p.pod, '은/는')} unreachable 테인트를 ${p.seconds}초(tolerationSeconds) 동안 용인했습니다. 이제 테인트 기반 축출로 ${p.node}에서 삭제됩니다.`,
    example: { pod: 'default/web-6945978964-54zph', node: 'node-2', seconds: 300 },
  },
  'timeline.podTerminating': {
    en: (p: { pod: string; why: string; grace: number }) =>
      `Pod ${p.pod} is Terminating (${p.why}): the EndpointSlices mark it terminating (ready: false), so kube-proxy sends it no new connections; its containers get ${p.grace} s to stop.`,
    ko: (p) =>
      `파드 ${josa(p.pod, '이/가')} Terminating 상태입니다(${p.why === 'deleted' ? '삭제됨' : p.why === 'evicted' ? '축출됨' : 'drain됨'}). 엔드포인트슬라이스가 terminating(ready: false)으로 표시하므로 kube-proxy는 새 연결을 보내지 않습니다. 컨테이너에는 멈출 시간 ${p.grace}초가 주어집니다.`,
    example: { pod: 'default/web-6945978964-54zph', why: 'deleted', grace: 30 },
  },
  'timeline.podReplaced': {
    en: (p: { pod: string; replicaSet: string }) =>
      `ReplicaSet ${p.replicaSet} counts one pod short (a terminating pod does not count) and creates a replacement for ${p.pod}; the scheduler puts it on a node that takes pods, and the EndpointSlices add it once it is ready.`,
    ko: (p) =>
      `레플리카셋 ${josa(p.replicaSet, '은/는')} 파드가 하나 모자라다고 보고(종료 중인 파드는 세지 않습니다) ${josa(p.pod, '을/를')} 대신할 파드를 만듭니다. 스케줄러가 파드를 받을 수 있는 노드에 배치하고, 준비되면 엔드포인트슬라이스에 추가됩니다.`,
    example: { pod: 'default/web-6945978964-54zph', replicaSet: 'default/web-6945978964' },
  },
  'timeline.podGone': {
    en: (p: { pod: string; grace: number }) => `Pod ${p.pod} is gone (${p.grace} s grace period over).`,
    ko: (p) => `파드 ${josa(p.pod, '이/가')} 사라졌습니다(유예 시간 ${p.grace}초가 지남).`,
    example: { pod: 'default/web-6945978964-54zph', grace: 30 },
  },
  'timeline.podDeleted': {
    en: (p: { pod: string }) => `Pod ${p.pod} is deleted (kubectl delete pod).`,
    ko: (p) => `파드 ${josa(p.pod, '을/를')} 삭제합니다(kubectl delete pod).`,
    example: { pod: 'default/web-6945978964-54zph' },
  },
  'timeline.readinessFailing': {
    en: (p: { pod: string }) =>
      `Pod ${p.pod}'s readiness probe starts failing. The pod stays Ready until failureThreshold probes in a row have failed.`,
    ko: (p) =>
      `파드 ${p.pod}의 준비성 프로브가 실패하기 시작합니다. 연속 failureThreshold번 실패할 때까지 파드는 Ready로 남습니다.`,
    example: { pod: 'default/api-1' },
  },
  'timeline.readinessFailed': {
    en: (p: { pod: string; threshold: number; period: number; seconds: number }) =>
      `${p.threshold} failed probes, ${p.period} s apart (failureThreshold × periodSeconds = ${p.seconds} s): the kubelet sets ${p.pod} Ready=False, the EndpointSlices list it with ready: false and kube-proxy drops it from its rules. The container is not restarted (that is the liveness probe).`,
    ko: (p) =>
      `${p.period}초 간격으로 프로브가 ${p.threshold}번 실패했습니다(failureThreshold × periodSeconds = ${p.seconds}초). kubelet이 ${josa(p.pod, '을/를')} Ready=False로 바꾸고, 엔드포인트슬라이스에 ready: false로 올라가며, kube-proxy 규칙에서 빠집니다. 컨테이너는 재시작되지 않습니다(재시작은 활성 프로브(liveness probe)의 일입니다).`,
    example: { pod: 'default/api-1', threshold: 3, period: 10, seconds: 30 },
  },
  'timeline.noReadinessProbe': {
    en: (p: { pod: string }) =>
      `Pod ${p.pod} has no readiness probe: the kubelet has nothing to notice with, so the pod stays Ready and keeps its endpoint.`,
    ko: (p) =>
      `파드 ${p.pod}에는 준비성 프로브가 없습니다. kubelet이 알아챌 방법이 없으므로 파드는 Ready로 남고 엔드포인트도 그대로입니다.`,
    example: { pod: 'default/api-1' },
  },
  'timeline.containerCrashed': {
    en: (p: { pod: string; container: string }) =>
      `Container ${p.container} of pod ${p.pod} crashes: the pod is not ready at once (ContainersNotReady), so the EndpointSlices mark it ready: false; until then, a connection to it is refused (nothing listens).`,
    ko: (p) =>
      `파드 ${p.pod}의 컨테이너 ${josa(p.container, '이/가')} 죽습니다. 파드는 곧바로 준비되지 않음(ContainersNotReady)이 되어 엔드포인트슬라이스에 ready: false로 표시됩니다. 그 사이에 들어온 연결은 거부됩니다(듣는 프로세스가 없습니다).`,
    example: { pod: 'default/web-6945978964-54zph', container: 'web' },
  },
  'timeline.containerRestarted': {
    en: (p: { pod: string; container: string; backoff: number }) =>
      `After the kubelet's ${p.backoff} s back-off, container ${p.container} of ${p.pod} is restarted (RESTARTS goes up; another crash waits twice as long, up to 300 s: CrashLoopBackOff).`,
    ko: (p) =>
      `kubelet의 백오프 ${p.backoff}초가 지나 ${p.pod}의 컨테이너 ${josa(p.container, '이/가')} 재시작됩니다(RESTARTS가 올라가고, 또 죽으면 두 배씩 최대 300초까지 기다립니다: CrashLoopBackOff).`,
    example: { pod: 'default/web-6945978964-54zph', container: 'web', backoff: 10 },
  },
  'timeline.podReadyAgain': {
    en: (p: { pod: string; delay: number }) =>
      `The readiness probe passes after initialDelaySeconds (${p.delay} s): ${p.pod} is Ready again and back in the EndpointSlices.`,
    ko: (p) =>
      `initialDelaySeconds(${p.delay}초) 뒤 준비성 프로브가 통과합니다. ${josa(p.pod, '이/가')} 다시 Ready가 되어 엔드포인트슬라이스로 돌아옵니다.`,
    example: { pod: 'default/web-6945978964-54zph', delay: 5 },
  },
  'timeline.nodeDrained': {
    en: (p: { node: string }) =>
      `Node ${p.node} is drained (kubectl drain --force --ignore-daemonsets): cordoned, then every pod on it is evicted.`,
    ko: (p) =>
      `노드 ${josa(p.node, '을/를')} drain합니다(kubectl drain --force --ignore-daemonsets). cordon한 뒤 그 노드의 파드를 모두 축출합니다.`,
    example: { node: 'node-1' },
  },
  'timeline.noSuchPod': {
    en: (p: { pod: string; file: string; line: number }) =>
      `The Timeline (${p.file}:${p.line}) names pod ${p.pod}, which this scene does not have; see 'get pods' for the names.`,
    ko: (p) =>
      `타임라인(${p.file}:${p.line})이 이 장면에 없는 파드 ${josa(p.pod, '을/를')} 가리킵니다. 이름은 'get pods'로 확인하세요.`,
    example: { pod: 'default/web-x', file: 'scene.yaml', line: 40 },
  },
  'timeline.noSuchNode': {
    en: (p: { node: string; file: string; line: number }) =>
      `The Timeline (${p.file}:${p.line}) names node ${p.node}, which this scene does not have; see 'get nodes'.`,
    ko: (p) =>
      `타임라인(${p.file}:${p.line})이 이 장면에 없는 노드 ${josa(p.node, '을/를')} 가리킵니다. 'get nodes'로 확인하세요.`,
    example: { node: 'node-9', file: 'scene.yaml', line: 40 },
  },
  /** `kubectl delete servicecidr` at an instant (the document's deletionTimestamp). */
  'timeline.serviceCidrDeleted': {
    en: (p: { name: string }) =>
      `ServiceCIDR ${p.name} is deleted (kubectl delete servicecidr): the API server sets its deletionTimestamp, and the ClusterIP allocator hands out no more addresses from it. Its finalizer (networking.k8s.io/service-cidr-finalizer) keeps the object until the servicecidrs controller lets it go.`,
    ko: (p) =>
      `ServiceCIDR ${josa(p.name, '을/를')} 삭제합니다(kubectl delete servicecidr). API 서버가 deletionTimestamp를 적고, ClusterIP 할당기는 이제 이 범위에서 주소를 내주지 않습니다. finalizer(networking.k8s.io/service-cidr-finalizer)가 있으므로 servicecidrs 컨트롤러가 놓아줄 때까지 오브젝트는 남습니다.`,
    example: { name: 'newcidr1' },
  },
  /** The servicecidrs controller keeps a ServiceCIDR that IPAddresses still reference. */
  'timeline.serviceCidrTerminating': {
    en: (p: { name: string; ips: string; services: string }) =>
      `The servicecidrs controller keeps the finalizer of ServiceCIDR ${p.name}: IPAddresses in no other ServiceCIDR still reference it (${p.ips}${p.services ? `, of Service ${p.services}` : ''}). It sets Ready=False, reason Terminating: "There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR". The Services keep their ClusterIPs and kube-proxy's rules do not change; the ServiceCIDR goes once those Services are deleted or another ServiceCIDR covers their addresses.`,
    ko: (p) =>
      `servicecidrs 컨트롤러가 ServiceCIDR ${p.name}의 finalizer를 지우지 않습니다. 다른 어떤 ServiceCIDR에도 속하지 않는 IPAddress가 아직 이 범위를 참조하기 때문입니다(${p.ips}${p.services ? `, 서비스 ${p.services}` : ''}). 컨트롤러는 Ready=False, 이유 Terminating, 메시지 "There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR"를 적습니다. 서비스는 ClusterIP를 그대로 쓰고 kube-proxy 규칙도 바뀌지 않습니다. 그 서비스들을 지우거나 다른 ServiceCIDR이 그 주소를 포함하게 되면 ServiceCIDR이 사라집니다.`,
    example: { name: 'newcidr1', ips: '10.200.0.20', services: 'default/web' },
  },
  /** No IPAddress keeps it: the finalizer goes after the controller's deletion grace period. */
  'timeline.serviceCidrRemoved': {
    en: (p: { name: string; grace: number }) =>
      `No IPAddress is left in ServiceCIDR ${p.name} alone: ${p.grace} s after its deletionTimestamp (the servicecidrs controller's deletion grace period, so that no API server's allocator still hands out its addresses) the controller removes its finalizer, and the ServiceCIDR is gone.`,
    ko: (p) =>
      `ServiceCIDR ${p.name}에만 속한 IPAddress가 더는 없습니다. deletionTimestamp로부터 ${p.grace}초(어느 API 서버의 할당기도 이 범위의 주소를 더 내주지 않도록 servicecidrs 컨트롤러가 기다리는 삭제 유예 시간)가 지나면 컨트롤러가 finalizer를 지우고, ServiceCIDR은 사라집니다.`,
    example: { name: 'newcidr1', grace: 10 },
  },
  /** The data path: a packet for a stopped node or a pod on it. */
  'timeline.nodeDown': {
    en: (p: { node: string }) =>
      `Node ${p.node} is stopped: nothing answers there, the packet is lost and the client times out (kube-proxy elsewhere may still list its pods until the node lifecycle controller marks them not ready).`,
    ko: (p) =>
      `노드 ${josa(p.node, '이/가')} 멈춰 있습니다. 아무도 응답하지 않아 패킷은 사라지고 클라이언트는 타임아웃됩니다(노드 수명 주기 컨트롤러가 그 파드를 준비되지 않음으로 표시하기 전까지는 다른 노드의 kube-proxy가 여전히 그 파드를 목록에 둡니다).`,
    example: { node: 'node-2' },
  },
  'timeline.containerDown': {
    en: (p: { pod: string }) =>
      `The containers of ${p.pod} are not running (crashed, waiting for the kubelet's restart): its address still exists, nothing listens, the connection is refused.`,
    ko: (p) =>
      `${p.pod}의 컨테이너가 실행 중이 아닙니다(죽은 뒤 kubelet의 재시작을 기다리는 중). 주소는 그대로지만 듣는 프로세스가 없어 연결이 거부됩니다.`,
    example: { pod: 'default/web-6945978964-54zph' },
  },
  /** The CronJob controller creates a Job at a scheduled time. */
  'timeline.cronJobCreated': {
    en: (p: { cronJob: string; job: string }) =>
      `CronJob ${p.cronJob} reaches a scheduled time and creates Job ${p.job} (its name ends in the scheduled time in minutes since 1970). svclab takes its pods to exit 0: they end Completed and the Job is Complete.`,
    ko: (p) =>
      `크론잡 ${p.cronJob}의 예약 시각이 되어 잡 ${josa(p.job, '이/가')} 만들어집니다(이름 끝의 숫자는 1970년부터 센 예약 시각의 분입니다). svclab은 그 파드가 종료 코드 0으로 끝났다고 보므로 파드는 Completed, 잡은 Complete가 됩니다.`,
    example: { cronJob: 'default/hello', job: 'hello-29454841' },
  },
  /** The CronJob controller deletes finished Jobs beyond the history limit. */
  'timeline.cronJobDeleted': {
    en: (p: { cronJob: string; job: string; keep: number }) =>
      `CronJob ${p.cronJob} keeps ${p.keep} finished Job(s) (successfulJobsHistoryLimit) and deletes the oldest, ${p.job}, with its pods.`,
    ko: (p) =>
      `크론잡 ${josa(p.cronJob, '은/는')} 끝난 잡을 ${p.keep}개까지만 남기므로(successfulJobsHistoryLimit) 가장 오래된 ${josa(p.job, '을/를')} 파드와 함께 삭제합니다.`,
    example: { cronJob: 'default/hello', job: 'hello-29454838', keep: 3 },
  },
  /** The CronJob controller creates a Job whose pods the API server refuses (admission or validation). */
  'timeline.cronJobPodsRefused': {
    en: (p: { cronJob: string; job: string; event: string; replaced: string }) =>
      `${p.replaced ? `CronJob ${p.cronJob} reaches a scheduled time while Job ${p.replaced} is still running; its concurrencyPolicy is Replace, so it deletes ${p.replaced} (event Normal SuccessfulDelete: Deleted job ${p.replaced}) and creates Job ${p.job}` : `CronJob ${p.cronJob} reaches a scheduled time and creates Job ${p.job}`}, but the API server refuses every pod the Job controller makes from the template, so the Job has no pods, never finishes and stays active. The Job controller records the event Warning FailedCreate: ${p.event}`,
    ko: (p) =>
      `${p.replaced ? `크론잡 ${p.cronJob}의 예약 시각이 되었는데 잡 ${josa(p.replaced, '이/가')} 아직 실행 중입니다. concurrencyPolicy가 Replace이므로 ${josa(p.replaced, '을/를')} 삭제하고(이벤트 Normal SuccessfulDelete: Deleted job ${p.replaced}) 잡 ${josa(p.job, '을/를')} 만듭니다` : `크론잡 ${p.cronJob}의 예약 시각이 되어 잡 ${josa(p.job, '을/를')} 만듭니다`}. 그러나 잡 컨트롤러가 파드 템플릿으로 만드는 파드를 API 서버가 모두 거부하므로, 이 잡에는 파드가 없고 끝나지도 않아 계속 실행 중(active)으로 남습니다. 잡 컨트롤러는 Warning FailedCreate 이벤트를 남깁니다: ${p.event}`,
    // The event first: it holds the Job's name, and the glossary test cuts each parameter out in turn.
    example: {
      event:
        'Error creating: pods "hello-29454841-" is forbidden: no PriorityClass with name nightly was found',
      cronJob: 'default/hello',
      job: 'hello-29454841',
      replaced: '',
    },
  },
  /** concurrencyPolicy Forbid: a scheduled time passes while the CronJob's Job is still active. */
  'timeline.cronJobAlreadyActive': {
    en: (p: { cronJob: string; active: string }) =>
      `CronJob ${p.cronJob} reaches a scheduled time but starts no Job: Job ${p.active} is still active and concurrencyPolicy is Forbid. The controller records the event Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid`,
    ko: (p) =>
      `크론잡 ${p.cronJob}의 예약 시각이 되었지만 잡을 만들지 않습니다. 잡 ${josa(p.active, '이/가')} 아직 실행 중이고 concurrencyPolicy가 Forbid이기 때문입니다. 컨트롤러는 Normal JobAlreadyActive 이벤트를 남깁니다: Not starting job because prior execution is running and concurrency policy is Forbid`,
    example: { cronJob: 'default/hello', active: 'hello-29454841' },
  },
});
