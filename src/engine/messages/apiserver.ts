/** What svclab says about the kube-apiserver a pod reaches through `default/kubernetes`. */
import { defineMessages } from './define';
import { josa } from './josa';

export const apiserver = defineMessages({
  'apiserver.who': {
    en: (p: { node: string }) => `the kube-apiserver on ${p.node}`,
    ko: (p) => `${p.node} 노드의 kube-apiserver`,
    example: { node: 'node-1' },
  },
  'apiserver.plainHttp': {
    en: (p: { node: string }) =>
      `The kube-apiserver on ${p.node} listens on 6443 and speaks only TLS: to a plain HTTP request Go's TLS server answers 400. Use https://.`,
    ko: (p) =>
      `${p.node} 노드의 kube-apiserver는 6443 포트에서 TLS로만 통신합니다. 평문 HTTP 요청에는 Go의 TLS 서버가 400으로 답합니다. https://로 요청하세요.`,
    example: { node: 'node-1' },
  },
  'apiserver.untrusted': {
    en: (p: { node: string }) =>
      `The kube-apiserver on ${p.node} presents a certificate signed by the cluster's own CA, which curl does not trust: pass --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt (or -k to skip the check).`,
    ko: (p) =>
      `${p.node} 노드의 kube-apiserver는 클러스터 자체 CA가 서명한 인증서를 내밀고, curl은 그 CA를 모릅니다. --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt를 주세요(검사를 건너뛰려면 -k).`,
    example: { node: 'node-1' },
  },
  'apiserver.token': {
    en: (p: { node: string }) =>
      `The kube-apiserver on ${p.node} cannot verify this bearer token (svclab issues no ServiceAccount tokens), so it answers 401 Unauthorized.`,
    ko: (p) =>
      `${p.node} 노드의 kube-apiserver가 이 bearer 토큰을 확인하지 못해 401 Unauthorized로 답합니다(svclab은 서비스 어카운트 토큰을 발급하지 않습니다).`,
    example: { node: 'node-1' },
  },
  'apiserver.anonymous': {
    en: (p: { node: string; path: string; allowed: boolean }) =>
      `The kube-apiserver on ${p.node} took the request without credentials as system:anonymous. RBAC lets the anonymous user read only /healthz, /livez, /readyz and /version${p.allowed ? `, so ${p.path} is answered` : `, so ${p.path} is 403 Forbidden; send the pod's ServiceAccount token to be someone`}.`,
    ko: (p) =>
      `${p.node} 노드의 kube-apiserver는 자격 증명 없는 요청을 system:anonymous로 받습니다. RBAC는 익명 사용자에게 /healthz, /livez, /readyz, /version만 허용하므로${p.allowed ? ` ${p.path}에는 답합니다` : ` ${josa(p.path, '은/는')} 403 Forbidden입니다. 파드의 서비스 어카운트 토큰을 보내야 사용자로 인식됩니다`}.`,
    example: { node: 'node-1', path: '/', allowed: false },
  },
});
