import { describe, expect, it, vi } from 'vitest';
import { SHOP_CRT, SHOP_KEY, tlsSecretYaml } from '../engine/gateway/test-certificates.test-helper';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from '../engine/gateway/test-scenes.test-helper';
import gatewayScene from '../lessons/gateway/scene.yaml?raw';
import { findScenario } from '../scenarios';
import { createEngineHost } from './engine-host';

// The engine's libraries that load apart (engine/libraries.ts, issue 17): the setup file provides them
// to every test, so a host with empty slots is made in a fresh module registry, as the page's worker
// starts: its own copy of the engine, the slots empty until its loader runs.
async function coldHost() {
  vi.resetModules();
  const { createEngineHost: fresh } = await import('./engine-host');
  const { LibraryMissing } = await import('../engine/util/library-slot');
  let loads = 0;
  const host = fresh(undefined, undefined, () => {
    loads++;
    return import('./engine-libs');
  });
  return { host, loads: () => loads, LibraryMissing };
}

const scenes: [string, string][] = [
  ['the Gateway lesson (CRD admission with CEL rules, Gateway lints)', gatewayScene],
  [
    'a Gateway with an HTTPS listener (its certificate read as X.509, an HTTPRoute)',
    docs(
      CLASS,
      gatewayYaml('eg', [
        '{ name: shop, protocol: HTTPS, port: 443, hostname: shop.example.com, tls: { certificateRefs: [{ name: shop-tls }] } }',
      ]),
      tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY),
      backend('web'),
      routeYaml('web', '  parentRefs: [{ name: eg }]\n  rules:\n  - backendRefs: [{ name: web, port: 80 }]'),
    ),
  ],
];

describe('engine host: libraries that load apart', () => {
  it('the default scene builds without them: the first build does not load them', async () => {
    const { host, loads } = await coldHost();
    const built = await host.update(
      1,
      [{ file: 'scene.yaml', text: findScenario('clusterip-three-pods')!.yaml }],
      1,
    );
    expect(built.ok && built.value?.cluster.services.length).toBeGreaterThan(0);
    expect(loads()).toBe(0);
  });

  it.each(scenes)(
    '%s: built before they loaded, it loads them and answers as the whole engine does',
    async (_, text) => {
      const sources = [{ file: 'scene.yaml', text }];
      const whole = await createEngineHost().update(1, sources, 1);
      const { host, loads } = await coldHost();
      const cold = await host.update(1, sources, 1);
      expect(loads()).toBe(1);
      expect(cold.ok).toBe(true);
      expect(whole.ok).toBe(true);
      if (!cold.ok || !whole.ok) return;
      const { buildMs: _a, ...coldAnswer } = cold.value!;
      const { buildMs: _b, ...wholeAnswer } = whole.value!;
      expect(JSON.stringify(coldAnswer)).toBe(JSON.stringify(wholeAnswer));
      // Once loaded they stay: the next build of the same scene loads nothing more.
      await host.update(2, sources, 1);
      expect(loads()).toBe(1);
    },
  );

  it('the requests and commands load them with the rest of the engine', async () => {
    const { host, loads } = await coldHost();
    await host.update(1, [{ file: 'scene.yaml', text: findScenario('clusterip-three-pods')!.yaml }], 1);
    const out = await host.run('get svc', 'en');
    expect(out.ok).toBe(true);
    expect(loads()).toBe(1);
  });
});
