/**
 * The near misses of the challenges added for issue 10 (dual-stack-web, ipv6-primary, same-node) fail for the reason their author wrote down: the
 * failing check's detail names the missing behaviour (in English and Korean), and the checks that should
 * still pass do. lessons.test.ts checks each verdict; this file checks what the student is told.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster, checkChallenge, render, renderText, sourcesOf } from '../engine';
import { findChallenge } from './index';

function check(id: string, files: string[]) {
  const found = findChallenge(id);
  if (!found) throw new Error(`no challenge ${id}`);
  const built = buildCluster(sourcesOf(found.lesson, files), { seed: 1 });
  const result = checkChallenge(found.challenge, built, { seed: 1 });
  return {
    passed: result.passed,
    failing: result.checks
      .filter((c) => !c.passed)
      .map((c) => ({ en: render(c.detail, 'en'), ko: render(c.detail, 'ko') })),
    passing: result.checks.filter((c) => c.passed).map((c) => renderText(c.description, 'en')),
  };
}

describe('dual-stack-web near misses', () => {
  it('IPv6 only: curl -4 finds no A record', () => {
    const r = check('dual-stack-web', ['examples/fail-ipv6-only.yaml']);
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]!.en).toContain('web does not answer over IPv4');
    expect(r.failing[0]!.en).toContain('has no A record');
    expect(r.failing[0]!.ko).toContain('IPv4로는 web이 답하지 않습니다');
    expect(r.passing).toEqual(['Over IPv6 (curl -6), an app=web pod answers 200']);
  });

  it('two families without a policy: the API server refuses web, with its words', () => {
    const r = check('dual-stack-web', ['examples/fail-families-no-policy.yaml']);
    expect(r.failing[0]!.en).toContain('Fix the errors first');
    expect(r.failing[0]!.en).toContain(
      `spec.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified`,
    );
  });

  it('a hand-written IPv4 slice only: IPv6 is rejected for want of IPv6 endpoints', () => {
    const r = check('dual-stack-web', ['examples/fail-manual-ipv4-only.yaml']);
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]!.en).toContain('web does not answer over IPv6');
    expect(r.failing[0]!.en).toContain('none of its EndpointSlices of addressType IPv6 has a ready address');
    expect(r.failing[0]!.ko).toContain('addressType이 IPv6인 엔드포인트슬라이스에는 준비된 주소가 없습니다');
  });
});

describe('ipv6-primary near misses', () => {
  it('dual-stack with IPv4 first: only the primary family is wrong', () => {
    const r = check('ipv6-primary', ['examples/pass-prefer.yaml']);
    expect(r.failing.map((f) => f.en)).toEqual([
      expect.stringContaining("web's first family (ipFamilies[0]) is not IPv6"),
    ]);
    expect(r.failing[0]!.ko).toContain('web의 첫 번째 패밀리(ipFamilies[0])가 IPv6가 아닙니다');
  });

  it('IPv6 only: IPv4 clients are no longer served', () => {
    const r = check('ipv6-primary', ['examples/fail-ipv6-only.yaml']);
    expect(r.failing.map((f) => f.en)).toEqual([expect.stringContaining('web does not answer over IPv4')]);
  });

  it('a WEB_SERVICE_HOST written in the pod spec is not kubelet’s', () => {
    const r = check('ipv6-primary', ['examples/fail-env-by-hand.yaml']);
    expect(r.failing[0]!.en).toContain("client's WEB_SERVICE_HOST is not web's spec.clusterIP");
  });
});

describe('same-node near misses', () => {
  it('internalTrafficPolicy: Local: visitor, far from any web pod, is dropped', () => {
    const r = check('same-node', ['scene.yaml', 'examples/fail-local.yaml']);
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]!.en).toContain('A request from visitor got no answer');
    expect(r.failing[0]!.en).toContain('kube-proxy on node-3 drops the packet');
    expect(r.failing[0]!.ko).toContain('visitor의 요청 중 응답을 받지 못한 것이 있습니다');
  });

  it('PreferSameZone: client crosses to the other zone-a node', () => {
    const r = check('same-node', ['scene.yaml', 'examples/fail-same-zone.yaml']);
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]!.en).toContain('A pod on another node answered client');
    expect(r.failing[0]!.ko).toContain('client와 다른 노드의 파드가 답했습니다');
  });

  it('Local with visitor moved beside a web pod: the fallback is no longer shown', () => {
    const r = check('same-node', ['examples/fail-local-visitor-moved.yaml']);
    expect(r.failing.map((f) => f.en)).toEqual([
      expect.stringContaining('visitor runs beside a ready web pod: keep it on a node without one'),
    ]);
  });
});
