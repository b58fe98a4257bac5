/**
 * `https://kubernetes/` from a pod reaches the kube-apiserver on the control-plane node (6443), which
 * answers as a kubeadm cluster's does without credentials; the packet to a node address crosses the node
 * network, not flannel's VXLAN overlay.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const CLIENT = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-2, containers: [{ name: c, image: curlimages/curl }] }
`;

const status = (code: number, reason: string, message: string, details?: object) =>
  `${JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }, null, 2)}\n`;

describe('the API server behind default/kubernetes', () => {
  it('curl does not trust the cluster CA: exit 60', () => {
    const r = scene(CLIENT).run('exec client -- curl https://kubernetes/');
    // curl adds its advice after every exit 60 (src/tool_operate.c CURL_CA_CERT_ERRORMSG)
    expect(r.stderr).toBe(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\n' +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the web page mentioned above.\n',
    );
    expect(r.exitCode).not.toBe(0);
  });

  it('anonymous with -k: 403 Status for paths and resources, ok for health, 401 for a token', () => {
    const s = scene(CLIENT);
    expect(s.run('exec client -- curl -k https://kubernetes/').stdout).toBe(
      status(403, 'Forbidden', 'forbidden: User "system:anonymous" cannot get path "/"', {}),
    );
    expect(
      s.run('exec client -- curl -k https://kubernetes.default.svc/api/v1/namespaces/default/pods').stdout,
    ).toBe(
      status(
        403,
        'Forbidden',
        'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"',
        { kind: 'pods' },
      ),
    );
    expect(s.run('exec client -- curl -k https://10.96.0.1/apis/apps/v1/deployments/web').stdout).toContain(
      '"message": "deployments \\"web\\" is forbidden: User \\"system:anonymous\\" cannot get resource \\"deployments\\" in API group \\"apps\\" at the cluster scope"',
    );
    expect(s.run('exec client -- curl -k https://kubernetes/healthz').stdout).toBe('ok');
    expect(s.run('exec client -- curl -k -H "Authorization: Bearer x" https://kubernetes/api').stdout).toBe(
      status(401, 'Unauthorized', 'Unauthorized'),
    );
    expect(s.run('exec client -- curl http://kubernetes:443/').stdout).toBe(
      'Client sent an HTTP request to an HTTPS server.\n',
    );
  });

  it('the trace: DNAT to the node address, over the node network, answered by the kube-apiserver', () => {
    const t = scene(CLIENT).json('exec client -- curl -k https://kubernetes/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(403);
    expect(t.backend).toBeNull();
    const request = t.hops.filter((h: { phase?: string }) => h.phase !== 'dns');
    const toNode = request.find((h: { stage: string; location: string }) => h.stage === 'network')!;
    expect(toNode.location).toBe('node/node-2');
    expect(toNode.note).toContain('over the node network, not the VXLAN overlay');
    expect(request.some((h: { note?: string }) => /VXLAN overlay \(flannel\.1\)$/.test(h.note ?? ''))).toBe(
      true,
    ); // the reply to the pod
    expect(t.explanation).toContain('the kube-apiserver on node-1');
  });
});
