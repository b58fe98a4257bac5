/**
 * What svclab says about applying real manifests: kubectl's refusals explained, apply order, and where
 * an app's listening ports come from.
 */
import { defineMessages } from './define';
import { josa } from './josa';

export const apply = defineMessages({
  'apply.namespaceMissing.meaning': {
    en: (p: { namespace: string }) =>
      `The API server refuses an object in a namespace that does not exist yet. Create the Namespace ${p.namespace} in an earlier document or an earlier -f file: kubectl apply creates objects in order.`,
    ko: (p) =>
      `아직 없는 네임스페이스에는 오브젝트를 만들 수 없습니다. 네임스페이스 ${josa(p.namespace, '을/를')} 앞쪽 문서나 먼저 적용하는 -f 파일에서 만드세요. kubectl apply는 적힌 순서대로 오브젝트를 만듭니다.`,
    example: { namespace: 'k8sdemo' },
  },
  'apply.priorityClassMissing.meaning': {
    en: (p: { className: string }) =>
      `The Priority admission plugin looks up the pod's priorityClassName among the PriorityClasses that exist when the pod is created, and there is no PriorityClass ${p.className}. Create it in an earlier document or an earlier -f file (kubectl apply creates objects in order), or name a class that exists: kubectl get priorityclasses lists them.`,
    ko: (p) =>
      `Priority 어드미션 플러그인은 파드가 만들어지는 순간에 있는 프라이어리티클래스 중에서 priorityClassName을 찾는데, 프라이어리티클래스 ${josa(p.className, '이/가')} 없습니다. 앞쪽 문서나 먼저 적용하는 -f 파일에서 만들거나(kubectl apply는 적힌 순서대로 오브젝트를 만듭니다) 이미 있는 클래스 이름을 쓰세요. kubectl get priorityclasses로 목록을 볼 수 있습니다.`,
    example: { className: 'high-priority' },
  },
  'apply.priorityGiven.meaning': {
    en: (p: { field: 'priority' | 'preemptionPolicy'; given: string; computed: string; className: string }) =>
      `The Priority admission plugin writes spec.${p.field} itself, from ${p.className ? `the PriorityClass ${p.className}` : 'the default (no class: priority 0, PreemptLowerPriority)'}; a pod may only carry the same value (${p.computed}), and this one says ${p.given}. Remove spec.${p.field} from the pod; to change it, name another priorityClassName.`,
    ko: (p) =>
      `Priority 어드미션 플러그인은 spec.${p.field} 값을 ${p.className ? `프라이어리티클래스 ${p.className}에서` : '기본값(클래스 없음: priority 0, PreemptLowerPriority)으로'} 직접 씁니다. 파드에 적을 수 있는 값은 그것과 같은 값(${p.computed})뿐인데, 이 파드에는 ${josa(p.given, '이/가')} 적혀 있습니다. 파드에서 ${josa(`spec.${p.field}`, '을/를')} 지우고, 값을 바꾸려면 priorityClassName으로 다른 클래스를 지정하세요.`,
    example: { field: 'priority', given: '5', computed: '1000', className: 'high-priority' },
  },
  'apply.priorityDefault.meaning': {
    en: (p: { existing: string }) =>
      `Only one PriorityClass may be globalDefault, and PriorityClass ${p.existing} already is: the Priority admission plugin refuses a second. Set globalDefault: false on this one, or take it off ${p.existing} first.`,
    ko: (p) =>
      `globalDefault인 프라이어리티클래스는 하나뿐이어야 하는데, 이미 ${josa(p.existing, '이/가')} globalDefault입니다. Priority 어드미션 플러그인은 두 번째 것을 거부합니다. 이 클래스에 globalDefault: false를 주거나, 먼저 ${p.existing}에서 globalDefault를 빼세요.`,
    example: { existing: 'default-priority' },
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
        ? `svclab은 ${josa(p.kind, '을/를')} ${josa(p.versions, '으로/로')} 읽습니다.`
        : `Kubernetes 1.36은 ${josa(p.kind, '을/를')} ${josa(p.versions, '으로/로')} 제공합니다.`,
    example: { kind: 'Ingress', versions: 'networking.k8s.io/v1', config: false },
  },
  'apply.env.earlierApply': {
    en: (p: {
      kind: string;
      name: string;
      file: string;
      services: string;
      /** The files that create them ("b.yaml and c.yaml"), `files` of them. */
      serviceFiles: string;
      files: number;
      count: number;
      variables: string;
    }) => {
      const who = p.kind === 'Pod' ? `Pod ${p.name}` : `The pods of ${p.kind} ${p.name}`;
      const them = p.kind === 'Pod' ? 'it' : 'them';
      return `${who} start${p.kind === 'Pod' ? 's' : ''} in the apply of ${p.file}, before Service${p.count > 1 ? 's' : ''} ${p.services} ${p.count > 1 ? 'are' : 'is'} created by the later appl${p.files > 1 ? 'ies' : 'y'} of ${p.serviceFiles}, so kubelet gives ${them} no ${p.variables}: it writes the variables once, when a container starts.`;
    },
    ko: (p) => {
      const who = p.kind === 'Pod' ? `파드 ${p.name}` : `${p.kind} ${p.name}의 파드`;
      return `${josa(who, '은/는')} ${josa(p.file, '을/를')} apply할 때 시작되고, 서비스 ${josa(p.services, '은/는')} 그 뒤에 ${josa(p.serviceFiles, '을/를')} apply할 때 만들어집니다. kubelet은 컨테이너가 시작될 때 한 번만 환경 변수를 쓰므로 ${josa(p.variables, '은/는')} 들어가지 않습니다.`;
    },
    example: {
      kind: 'Deployment',
      name: 'web',
      file: 'web.yaml',
      services: 'db',
      serviceFiles: 'db.yaml',
      files: 1,
      count: 1,
      variables: 'DB_SERVICE_HOST',
    },
  },
  'apply.env.earlierApply.hint': {
    en: (p: { count: number }) =>
      `Put the Service${p.count > 1 ? 's' : ''} in the same file (one kubectl apply creates every object before any container starts) or in a file applied earlier, or recreate the pods; the DNS name works either way.`,
    ko: () =>
      `서비스를 같은 파일에 넣거나(kubectl apply 한 번은 컨테이너가 시작되기 전에 모든 오브젝트를 만듭니다) 먼저 apply하는 파일로 옮기세요. 파드를 다시 만들어도 됩니다. DNS 이름은 어느 쪽이든 동작합니다.`,
    example: { count: 1 },
  },
});
