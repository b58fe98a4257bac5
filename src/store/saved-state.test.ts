import { describe, expect, it } from 'vitest';
import { mergeSaved, migrateSaved } from './saved-state';

const current = {
  files: [{ name: 'scene.yaml', text: 'default text' }],
  activeFile: 'scene.yaml',
  scenarioId: 'clusterip-three-pods',
  edited: false,
  locale: 'en',
  request: { from: 'pod/default/client', target: 'http://web', count: 1 },
  lookup: false,
  playhead: 0,
};

const one = (text: string) => [{ name: 'scene.yaml', text }];

describe('saved state', () => {
  it('carries a version-1 save forward without losing the YAML or the request', () => {
    const v1 = {
      text: 'apiVersion: v1\nkind: Service\n',
      scenarioId: null,
      edited: true,
      locale: 'ko',
      request: { from: 'pod/default/early', to: 'cache', protocol: 'dns', count: 1 },
    };
    const state = mergeSaved(migrateSaved(v1, 1), current);
    expect(state).toMatchObject({
      files: one(v1.text),
      activeFile: 'scene.yaml',
      edited: true,
      locale: 'ko',
      request: { from: 'pod/default/early', target: 'cache', count: 1 },
      lookup: true,
    });
    expect(state).not.toHaveProperty('text');
    const keepalive = migrateSaved(
      { ...v1, request: { ...v1.request, protocol: 'keepalive', count: 10 } },
      1,
    );
    expect(keepalive).toMatchObject({
      request: { protocol: 'HTTP/1.1', keepalive: true, count: 10 },
      lookup: false,
    });
  });

  it('reads a version-2 text as the one file scene.yaml, its scenario kept', () => {
    const v2 = { text: 'mine', scenarioId: 'readiness', edited: true, locale: 'en' };
    expect(mergeSaved(migrateSaved(v2, 2), current)).toMatchObject({
      files: one('mine'),
      scenarioId: 'readiness',
      edited: true,
    });
  });

  it('keeps the files of a version-3 save in their order, and the file shown', () => {
    const files = [
      { name: 'client.yaml', text: 'a' },
      { name: 'web.yaml', text: 'b' },
    ];
    const state = mergeSaved({ files, activeFile: 'web.yaml', scenarioId: null, edited: true }, current);
    expect(state).toMatchObject({ files, activeFile: 'web.yaml', scenarioId: null, edited: true });
    // A file shown that is not there: the first one.
    expect(mergeSaved({ files, activeFile: 'gone.yaml' }, current)).toMatchObject({
      activeFile: 'client.yaml',
    });
  });

  it('keeps the YAML of a save whose request is damaged, with the default request', () => {
    for (const request of [null, 'http://web', { from: 'external' }, { to: 3 }]) {
      const state = mergeSaved(migrateSaved({ text: 'mine', request }, 1), current);
      expect(state).toMatchObject({ files: one('mine'), request: current.request, lookup: false });
    }
    const v2 = mergeSaved(migrateSaved({ text: 'mine', request: { target: 5 }, lookup: true }, 2), current);
    expect(v2).toMatchObject({ files: one('mine'), request: current.request, lookup: false });
  });

  it('keeps the defaults for what a damaged save gets wrong, field by field (issue 17)', () => {
    const damaged = {
      text: 42,
      files: 'not files',
      locale: 'fr',
      request: null,
      scenarioId: { evil: true },
      edited: 'yes',
      activeFile: 7,
    };
    for (const version of [1, 2, 3, 99])
      expect(mergeSaved(migrateSaved(damaged, version), current)).toEqual(current);
    // A file that is not a file is left out, not the others; a name used twice or not a name is renamed.
    const files = [
      { name: 'a.yaml', text: 'a' },
      null,
      { name: 'a.yaml', text: 'twice' },
      { name: '../x', text: 'odd' },
      { name: 'b.yaml', text: 3 },
    ];
    expect(mergeSaved({ files }, current)).toMatchObject({
      files: [
        { name: 'a.yaml', text: 'a' },
        { name: 'file-2.yaml', text: 'twice' },
        { name: 'file-3.yaml', text: 'odd' },
      ],
      scenarioId: null,
      edited: true,
    });
  });

  it('loads what it can of a save from another version, and nothing from a non-object', () => {
    const later = {
      files: one('from a newer svclab'),
      request: { from: 'external', target: 'http://x', protocol: 'HTTP/2' },
    };
    expect(mergeSaved(migrateSaved(later, 4), current)).toMatchObject({
      files: later.files,
      request: { from: 'external', target: 'http://x', protocol: 'HTTP/2', count: 1 },
    });
    expect(mergeSaved(migrateSaved('garbage', 1), current)).toEqual(current);
    expect(mergeSaved(undefined, current)).toEqual(current);
  });
});
