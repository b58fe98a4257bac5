import { describe, expect, it } from 'vitest';
import { fileNameFor } from './download';

describe('the file name of a download', () => {
  it('names the file after the workspace, Korean included', () => {
    expect(fileNameFor('My scene!')).toBe('my-scene.yaml');
    expect(fileNameFor('인그레스 실습')).toBe('인그레스-실습.yaml');
    expect(fileNameFor('***')).toBe('scene.yaml');
  });
});
