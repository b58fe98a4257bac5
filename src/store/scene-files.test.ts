import { describe, expect, it } from 'vitest';
import { sceneAsYaml, splitSceneYaml } from './scene-files';

describe('a scene as one YAML file', () => {
  it('is the one file as it is, or each file after a comment naming it', () => {
    expect(sceneAsYaml([{ name: 'scene.yaml', text: 'a: 1' }])).toBe('a: 1');
    expect(
      sceneAsYaml([
        { name: 'a.yaml', text: 'kind: Pod' },
        { name: 'b.yaml', text: 'kind: Service\n' },
        { name: 'c.yaml', text: '' },
      ]),
    ).toBe(
      '# svclab file: a.yaml\nkind: Pod\n---\n# svclab file: b.yaml\nkind: Service\n---\n# svclab file: c.yaml\n',
    );
  });

  it('splits back into the same files, documents inside a file kept together', () => {
    const files = [
      { name: 'a.yaml', text: 'kind: Pod\n---\nkind: Service\n' },
      { name: 'examples/b.yaml', text: 'kind: Service\n' },
      { name: 'c.yaml', text: '' },
    ];
    expect(splitSceneYaml(sceneAsYaml(files))).toEqual(files);
    expect(splitSceneYaml(sceneAsYaml(files).replace(/\n/g, '\r\n'))!.map((f) => f.name)).toEqual([
      'a.yaml',
      'examples/b.yaml',
      'c.yaml',
    ]);
  });

  it('leaves any other file whole: a multi-document file is one kubectl apply -f', () => {
    expect(splitSceneYaml('kind: Pod\n---\n# svclab file: x.yaml\nkind: Service\n')).toBeNull();
  });
});
