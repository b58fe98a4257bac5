import { describe, expect, it } from 'vitest';
import { fileNameFor, sceneAsYaml } from './download';

describe('a scene to download', () => {
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

  it('names the file after the workspace, Korean included', () => {
    expect(fileNameFor('My scene!')).toBe('my-scene.yaml');
    expect(fileNameFor('인그레스 실습')).toBe('인그레스-실습.yaml');
    expect(fileNameFor('***')).toBe('scene.yaml');
  });
});
