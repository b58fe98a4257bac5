import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios';
import { createEngineHost } from './engine-host';

const scene = [{ file: 'scene.yaml', text: findScenario('clusterip-three-pods')!.yaml }];
const clock = () => 0;

/** The real second part of the engine, counting how often the host asks for it. */
function counted(fail = 0) {
  const loads = { asked: 0 };
  const load = async () => {
    loads.asked++;
    if (loads.asked <= fail) throw new Error('Failed to fetch dynamically imported module');
    return import('./engine-rest');
  };
  return { loads, load };
}

describe('engine host: the rest of the engine (issue 17, cold load)', () => {
  it('builds without it, and loads it once, on the first call that needs it', async () => {
    const { loads, load } = counted();
    const host = createEngineHost(clock, load);
    const built = await host.update(1, scene, 1);
    expect(built.ok && built.value?.cluster.services.map((s) => s.metadata.name)).toContain('web');
    expect(loads.asked).toBe(0);
    const [run, sent] = await Promise.all([
      host.run('get svc web', 'en'),
      host.simulate({ from: 'pod/default/client', target: 'http://web' }),
    ]);
    expect(run.ok && run.value.stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
    expect(sent.ok && sent.value.traces[0]?.outcome).toBe('delivered');
    await host.lessons();
    expect(loads.asked).toBe(1);
  });

  it('answers an error value when it cannot be loaded, and tries again on the next call', async () => {
    const { loads, load } = counted(1);
    const host = createEngineHost(clock, load);
    await host.update(1, scene, 1);
    const failed = await host.run('get svc', 'en');
    expect(failed).toEqual({ ok: false, error: expect.stringContaining('dynamically imported module') });
    const again = await host.run('get svc web', 'en');
    expect(again.ok && again.value.exitCode).toBe(0);
    expect(loads.asked).toBe(2);
  });
});
