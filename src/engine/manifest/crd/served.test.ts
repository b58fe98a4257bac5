import { describe, expect, it } from 'vitest';
import { customResourceDefinitions } from './registry';
import { SERVED_CRDS } from './served';

describe('served CRDs', () => {
  it('list exactly the kinds, groups, scopes and versions of the CRD bundle, in its order', () => {
    expect(SERVED_CRDS).toEqual(
      customResourceDefinitions().map((c) => ({
        group: c.group,
        kind: c.kind,
        namespaced: c.namespaced,
        versions: c.versions.map((v) => v.name),
      })),
    );
  });
});
