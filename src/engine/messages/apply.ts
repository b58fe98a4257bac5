/**
 * What svclab says about applying real manifests: kubectl's refusals explained, apply order, and where
 * an app's listening ports come from.
 */
import { defineMessages } from './define';

export const apply = defineMessages({
  'apply.namespaceMissing.meaning': {
    en: (p: { namespace: string }) =>
      `The API server refuses an object in a namespace that does not exist yet. Create the Namespace ${p.namespace} in an earlier document or an earlier -f file: kubectl apply creates objects in order.`,
    ko: (p) =>
      `아직 없는 네임스페이스에는 오브젝트를 만들 수 없습니다. 네임스페이스 ${p.namespace}를 앞쪽 문서나 먼저 적용하는 -f 파일에서 만드세요. kubectl apply는 적힌 순서대로 오브젝트를 만듭니다.`,
    example: { namespace: 'k8sdemo' },
  },
  'apply.generateName.meaning': {
    en: (p: { generateName: string }) =>
      `kubectl apply finds an object by its name, so an object with only generateName (${p.generateName}) cannot be applied. Give it a metadata.name, or create it with kubectl create.`,
    ko: (p) =>
      `kubectl apply는 이름으로 오브젝트를 찾기 때문에 generateName(${p.generateName})만 있는 오브젝트는 apply할 수 없습니다. metadata.name을 주거나 kubectl create로 만드세요.`,
    example: { generateName: 'web-' },
  },
  'apply.serviceCidr.hint': {
    en: (p: { cidr: string }) =>
      `The service CIDR of this cluster is ${p.cidr}. Pick a clusterIP inside it, leave clusterIP out to get a free one, or change the range with a ClusterConfiguration (kubeadm.k8s.io/v1beta4) networking.serviceSubnet.`,
    ko: (p) =>
      `이 클러스터의 서비스 CIDR은 ${p.cidr}입니다. 이 범위 안의 clusterIP를 쓰거나, clusterIP를 비워 두어 빈 주소를 받거나, ClusterConfiguration(kubeadm.k8s.io/v1beta4)의 networking.serviceSubnet으로 범위를 바꾸세요.`,
    example: { cidr: '10.96.0.0/12' },
  },
  'apply.kindVersion.hint': {
    en: (p: { kind: string; versions: string; config: boolean }) =>
      p.config
        ? `svclab reads ${p.kind} as ${p.versions}.`
        : `Kubernetes 1.36 serves ${p.kind} as ${p.versions}.`,
    ko: (p) =>
      p.config
        ? `svclab은 ${p.kind}를 ${p.versions}로 읽습니다.`
        : `Kubernetes 1.36은 ${p.kind}를 ${p.versions}로 제공합니다.`,
    example: { kind: 'Ingress', versions: 'networking.k8s.io/v1', config: false },
  },
});
