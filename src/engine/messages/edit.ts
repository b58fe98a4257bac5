/**
 * svclab's own words around the imperative commands (`scale`, `label`, `cordon`, `patch` …), which edit
 * the scene's text. kubectl's output and errors stay as kubectl prints them; these say what svclab did to
 * the text, and why it could not when the object is not written in the scene.
 */
import { defineMessages } from './define';
import { josa } from './josa';

export const edit = defineMessages({
  /** The command edits the scene, but it was run without the scene's text. */
  'edit.noScene': {
    en: (_p: object) =>
      'this command edits the scene, and no scene text was given (give the manifests with -f FILE).',
    ko: () => '이 명령은 장면의 YAML을 고치는데, 장면의 텍스트가 없습니다(-f FILE로 매니페스트를 주세요).',
    example: {},
  },
  /** The object exists in the cluster but no document of the scene writes it. */
  'edit.notInText': {
    en: (p: { kind: string; name: string; owner: string }) =>
      p.owner
        ? `${p.kind} ${p.name} was made by ${p.owner}, not written in the scene, so there is no text to change; change ${p.owner} instead.`
        : `${p.kind} ${p.name} is part of every svclab cluster, not written in the scene, so there is no text to change.`,
    ko: (p) =>
      p.owner
        ? `${p.kind} ${josa(p.name, '은/는')} ${josa(p.owner, '이/가')} 만든 것이라 장면의 YAML에 없습니다. 고칠 텍스트가 없으니 ${josa(p.owner, '을/를')} 고치세요.`
        : `${p.kind} ${josa(p.name, '은/는')} 모든 svclab 클러스터에 있는 오브젝트라 장면의 YAML에 없습니다. 고칠 텍스트가 없습니다.`,
    example: { kind: 'Pod', name: 'web-7c9d8-abcde', owner: 'ReplicaSet web-7c9d8' },
  },
  /** The document that writes the object has YAML errors: editing it could lose the user's text. */
  'edit.brokenDocument': {
    en: (p: { file: string; line: number }) =>
      `the document at ${p.file}:${p.line} has YAML errors; fix them first, then run the command again.`,
    ko: (p) => `${p.file}:${p.line}의 문서에 YAML 오류가 있습니다. 먼저 고친 뒤 명령을 다시 실행하세요.`,
    example: { file: 'scene.yaml', line: 12 },
  },
  /**
   * `kubectl delete servicecidr` on one that still holds addresses: the ServiceCIDR controller keeps its
   * finalizer, so it stays Terminating (kubectl, waiting for it to go, would not return).
   */
  'edit.serviceCidrTerminating': {
    en: (p: { name: string; ips: string }) =>
      `ServiceCIDR ${p.name} is Terminating, not gone: the ServiceCIDR controller keeps its finalizer (networking.k8s.io/service-cidr-finalizer) while an IPAddress in it is in no other ServiceCIDR (${p.ips}). Its Ready condition is now False, reason Terminating. kubectl delete, which waits for the object to go, would not return; the scene now has its deletionTimestamp. Delete those Services, or create a ServiceCIDR that covers them, and it goes.`,
    ko: (p) =>
      `ServiceCIDR ${josa(p.name, '은/는')} 사라지지 않고 Terminating 상태로 남습니다. 이 범위 안의 IPAddress 중 다른 어떤 ServiceCIDR에도 속하지 않는 것이 있는 동안(${p.ips}) ServiceCIDR 컨트롤러가 finalizer(networking.k8s.io/service-cidr-finalizer)를 지우지 않기 때문입니다. Ready 컨디션은 이제 False, 이유는 Terminating입니다. 오브젝트가 사라지기를 기다리는 kubectl delete는 끝나지 않으며, 장면에는 deletionTimestamp가 적혔습니다. 그 서비스들을 지우거나 그 주소를 포함하는 ServiceCIDR을 만들면 사라집니다.`,
    example: { name: 'newcidr1', ips: '10.97.0.20' },
  },
  /** cordon/drain on the default nodes: they are written into the scene first. */
  'edit.nodesWritten': {
    en: (p: { nodes: string }) =>
      `the scene had no Node objects, so its default nodes (${p.nodes}) were written into it first, as they are; the cordon is on the Node's spec.unschedulable.`,
    ko: (p) =>
      `장면에 노드 오브젝트가 없어서 기본 노드(${p.nodes})를 지금 모습 그대로 먼저 장면에 적었습니다. cordon은 노드의 spec.unschedulable에 적힙니다.`,
    example: { nodes: 'node-1, node-2, node-3' },
  },
  /** After a cordon, the scene's text says the node was unschedulable from the start: pods moved. */
  'edit.podsMoved': {
    en: (p: { node: string; pods: string }) =>
      `the scene is rebuilt from its text, where ${p.node} is now unschedulable from the start, so ${p.pods} were scheduled on other nodes. In a running cluster cordon leaves running pods where they are; only new pods avoid the node (drain moves them).`,
    ko: (p) =>
      `장면은 YAML에서 다시 만들어지는데, 이제 YAML에서는 ${josa(p.node, '이/가')} 처음부터 스케줄 불가이므로 ${josa(p.pods, '이/가')} 다른 노드에 배치되었습니다. 실제 클러스터에서 cordon은 실행 중인 파드를 그대로 두고 새 파드만 그 노드를 피하게 합니다(옮기는 것은 drain입니다).`,
    example: { node: 'node-1', pods: 'default/web-7c9d8-abcde, default/web-7c9d8-fghij' },
  },
  /** A strategic merge patch with lists: svclab applies only what equals a JSON merge patch. */
  'edit.strategicLists': {
    en: (_p: object) =>
      'this strategic merge patch has lists, which merge by key (containers by name, ports by port) in Kubernetes; svclab applies strategic patches only without lists. Give the whole list with --type merge.',
    ko: () =>
      '이 strategic merge patch에는 리스트가 있습니다. 쿠버네티스는 리스트를 키(컨테이너는 name, 포트는 port)로 합치지만, svclab은 리스트가 없는 strategic patch만 적용합니다. --type merge로 리스트 전체를 주세요.',
    example: {},
  },
});
