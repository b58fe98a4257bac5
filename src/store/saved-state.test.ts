import { describe, expect, it } from 'vitest';
import { mergeSaved, migrateSaved } from './saved-state';

const current = {
  text: 'default text',
  locale: 'en',
  request: { from: 'pod/default/client', target: 'http://web', count: 1 },
  lookup: false,
  playhead: 0,
};

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
      text: v1.text,
      edited: true,
      locale: 'ko',
      request: { from: 'pod/default/early', target: 'cache', count: 1 },
      lookup: true,
    });
    const keepalive = migrateSaved(
      { ...v1, request: { ...v1.request, protocol: 'keepalive', count: 10 } },
      1,
    );
    expect(keepalive).toMatchObject({
      request: { protocol: 'HTTP/1.1', keepalive: true, count: 10 },
      lookup: false,
    });
  });

  it('keeps the YAML of a save whose request is damaged, with the default request', () => {
    for (const request of [null, 'http://web', { from: 'external' }, { to: 3 }]) {
      const state = mergeSaved(migrateSaved({ text: 'mine', request }, 1), current);
      expect(state).toMatchObject({ text: 'mine', request: current.request, lookup: false });
    }
    const v2 = mergeSaved({ text: 'mine', request: { target: 5 }, lookup: true }, current);
    expect(v2).toMatchObject({ text: 'mine', request: current.request, lookup: false });
  });

  it('loads what it can of a save from another version, and nothing from a non-object', () => {
    const later = {
      text: 'from a newer svclab',
      request: { from: 'external', target: 'http://x', protocol: 'HTTP/2' },
    };
    expect(mergeSaved(migrateSaved(later, 3), current)).toMatchObject({
      text: later.text,
      request: { from: 'external', target: 'http://x', protocol: 'HTTP/2', count: 1 },
    });
    expect(mergeSaved(migrateSaved('garbage', 1), current)).toEqual(current);
    expect(mergeSaved(undefined, current)).toEqual(current);
  });
});
