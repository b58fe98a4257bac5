import { render } from '../messages';
import { describe, expect, it } from 'vitest';
import { acceptsOnLoopback, acceptsOnPodIP, listeningSockets, parseListenAnnotation } from './listen';
import { pod } from '../testing/cluster-objects';

describe('listeningSockets', () => {
  it('defaults to every declared containerPort on all interfaces for an image svclab does not know', () => {
    const p = pod('p', {}, [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }]);
    p.spec.containers[0]!.image = 'registry.example/app:1';
    expect(listeningSockets(p)).toEqual([
      { container: 'app', ip: '0.0.0.0', port: 8080, protocol: 'TCP' },
      { container: 'app', ip: '0.0.0.0', port: 53, protocol: 'UDP' },
    ]);
  });

  it('a well-known image listens where its program binds, whatever its ports list declares', () => {
    const p = pod('p', {}, [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }]);
    expect(p.spec.containers[0]!.image).toBe('nginx');
    expect(listeningSockets(p)).toEqual([{ container: 'app', ip: '0.0.0.0', port: 80, protocol: 'TCP' }]);
  });

  it('svclab.io/listen overrides declared ports; 127.0.0.1 is loopback only', () => {
    const p = pod('p', {}, [{ containerPort: 80 }]);
    p.metadata.annotations = { 'svclab.io/listen': '8080,127.0.0.1:9090,53/UDP' };
    expect(listeningSockets(p)).toEqual([
      { container: 'app', ip: '0.0.0.0', port: 8080, protocol: 'TCP' },
      { container: 'app', ip: '127.0.0.1', port: 9090, protocol: 'TCP' },
      { container: 'app', ip: '0.0.0.0', port: 53, protocol: 'UDP' },
    ]);
    expect(acceptsOnPodIP(p, 80)).toBeUndefined();
    expect(acceptsOnPodIP(p, 9090)).toBeUndefined();
    expect(acceptsOnLoopback(p, 9090)?.port).toBe(9090);
    expect(acceptsOnPodIP(p, 53, 'UDP')?.port).toBe(53);
  });

  it('reports unreadable entries and unknown containers', () => {
    const p = pod('p', {}, []);
    const errors = parseListenAnnotation('80x, side=81, 70000', p).errors;
    expect(errors.map((e) => render(e, 'en'))).toEqual([
      '80x: expected [container=][127.0.0.1:]PORT[/TCP|UDP|SCTP]',
      'side=81: the pod has no container named side',
      '70000: expected [container=][127.0.0.1:]PORT[/TCP|UDP|SCTP]',
    ]);
    expect(render(errors[1]!, 'ko')).toBe('side=81: 파드에 side라는 컨테이너가 없습니다');
  });
});
