import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineHost } from '../worker/engine-host';
import { installMemoryStorage } from './memory-storage.test-helper';
import DUMP from '../engine/manifest/testdata/kubectl-get-dump.yaml?raw';

installMemoryStorage();

// The worker's engine host, in this thread: the same calls the page makes, without a Worker.
const host = createEngineHost();
vi.mock('./engine-sync', () => ({ engineClient: () => host }));

const { useStore } = await import('./store');
const { openFiles, freeName, textOf, MAX_OPEN_BYTES } = await import('./file-open');
const { sceneAsYaml } = await import('./scene-files');
const state = () => useStore.getState();

const file = (name: string, content: string | Uint8Array, size?: number) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: size ?? bytes.length, bytes: async () => bytes.slice().buffer };
};

beforeEach(() => {
  useStore.setState({ lessonId: null, fileNotice: null });
  state().loadScenario('clusterip-three-pods');
});

describe('opening files', () => {
  it('opens files in place of an untouched scenario, the first shown', async () => {
    const n = await openFiles([file('web.yaml', 'kind: Service\n'), file('db.yml', 'kind: Pod\n')]);
    expect(n).toEqual({ opened: ['web.yaml', 'db.yml'], problems: [], dumps: [], replaced: true });
    expect(state().files.map((f) => f.name)).toEqual(['web.yaml', 'db.yml']);
    expect(state().activeFile).toBe('web.yaml');
    expect(state().scenarioId).toBeNull();
    expect(state().edited).toBe(true);
  });

  it('adds them after the files of an edited scene, a taken name renamed', async () => {
    state().setText('# mine\n');
    const before = state().files;
    await openFiles([file('scene.yaml', 'kind: Pod\n')]);
    expect(state().files[0]).toEqual(before[0]);
    expect(state().files.map((f) => f.name)).toEqual(['scene.yaml', 'scene-2.yaml']);
    expect(state().fileNotice?.replaced).toBe(false);
  });

  it('opens a scene saved as one file as its files again', async () => {
    const files = [
      { name: 'a.yaml', text: 'kind: Pod\n' },
      { name: 'b.yaml', text: 'kind: Service\n' },
    ];
    await openFiles([file('saved.yaml', sceneAsYaml(files))]);
    expect(state().files).toEqual(files);
  });

  it('cleans a kubectl dump and says what it removed', async () => {
    const n = await openFiles([file('dump.yaml', DUMP)]);
    expect(n.dumps).toEqual([
      {
        name: 'dump.yaml',
        objects: 3,
        keptPodStatus: 1,
        controllerSlices: 1,
        removed: [
          ['uid', 2],
          ['resourceVersion', 2],
          ['creationTimestamp', 2],
          ['managedFields', 1],
          ['lastAppliedConfiguration', 1],
          ['status', 1],
          ['clusterIP', 1],
        ],
        // Its pod ran on worker-1, which the dump does not list.
        addedNodes: ['worker-1'],
      },
    ]);
    expect(state().files[0]!.text).not.toContain('resourceVersion');
  });

  it('refuses hostile files with a reason and changes nothing', async () => {
    state().setText('# mine\n');
    const before = state().files;
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      bomb.push(
        `b${i}: &b${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    const n = await openFiles([
      file('photo.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
      file('latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a])),
      file('big.yaml', 'x', MAX_OPEN_BYTES + 1),
      file('bomb.yaml', bomb.join('\n')),
      file('notes.txt', 'kind: Pod\n'),
    ]);
    expect(n.opened).toEqual([]);
    expect(n.problems.map((p) => p.code)).toEqual(['binary', 'binary', 'tooLarge', 'refused', 'extension']);
    expect(n.problems[3]).toMatchObject({ reason: 'yaml.alias-limit', line: 1 });
    expect(state().files).toBe(before);
  });
});

describe('file helpers', () => {
  it('finds a free name', () => {
    const files = [
      { name: 'web.yaml', text: '' },
      { name: 'web-2.yaml', text: '' },
    ];
    expect(freeName('web.yaml', files)).toBe('web-3.yaml');
    expect(freeName('C:\\Users\\me\\db.yaml', files)).toBe('db.yaml');
    expect(freeName('..', files)).toBe('file-2.yaml');
  });

  it('reads UTF-8 text and refuses the rest', () => {
    expect(textOf(new TextEncoder().encode('이름: 웹\n'))).toBe('이름: 웹\n');
    expect(textOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(textOf(new Uint8Array([0x61, 0]))).toBeNull();
  });
});
