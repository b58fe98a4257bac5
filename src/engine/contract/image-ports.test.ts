/**
 * What a container listens on is decided by its image (issue 18 item 1), not by its ports list, a probe or
 * a Service's targetPort: nginx without `ports:` serves on 80; a targetPort nginx does not bind is refused
 * and the explanation says what nginx listens on; an unknown image is taken at its declared ports, and
 * the explanation says so.
 */
import { describe, expect, it } from 'vitest';
import { en, ko } from '../testing/render';
import { scene } from '../testing/scene';

const web = (image: string, targetPort: number, ports = ''): string => `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: web, image: ${image}${ports} }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: ${targetPort} }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`;

describe('listening ports come from the image', () => {
  it('nginx without a ports list answers on 80 through its Service', () => {
    const r = scene(web('nginx:1.27', 80)).json('exec client -- curl http://web/ -o json');
    expect(r.outcome).toBe('delivered');
    expect(r.backend.port).toBe(80);
  });

  it('a targetPort nginx does not bind is refused, whatever containerPort says, and the reason names the image', () => {
    const r = scene(web('nginx:1.27', 8080, ', ports: [{ containerPort: 8080 }]')).json(
      'exec client -- curl http://web/ -o json',
    );
    expect(r.outcome).toBe('refused');
    const s = scene(web('nginx:1.27', 8080, ', ports: [{ containerPort: 8080 }]'));
    const trace = s.json('exec client -- curl http://web/ -o json');
    expect(trace.explanation).toContain(
      'Container web runs nginx, which listens on 80/TCP whatever its ports list says',
    );
  });

  it('an unknown image is taken at its declared ports, and the refusal says so', () => {
    const s = scene(web('example.com/team/api:1', 9090, ', ports: [{ containerPort: 8080 }]'));
    const trace = s.json('exec client -- curl http://web/ -o json');
    expect(trace.outcome).toBe('refused');
    expect(trace.explanation).toContain(
      "svclab does not know what image example.com/team/api:1 listens on, so it takes container web's declared containerPorts",
    );
    expect(
      scene(web('example.com/team/api:1', 8080, ', ports: [{ containerPort: 8080 }]')).json(
        'exec client -- curl http://web/ -o json',
      ).outcome,
    ).toBe('delivered');
  });
});

describe('the descriptors read in both languages', () => {
  it('listen.image', () => {
    const m = {
      id: 'listen.image',
      params: { container: 'web', image: 'nginx', sockets: ['80/TCP'] },
    } as const;
    expect(en(m)).toContain('listens on 80/TCP');
    expect(ko(m)).toContain('80/TCP에서 기다립니다');
  });
});
