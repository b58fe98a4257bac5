import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, linkDigest, linkPayload, MAX_LINK_CHARS, type LinkData } from './link-codec';
import type { WorkspaceScene } from './workspace-record';

const fallback: WorkspaceScene = {
  files: [{ name: 'scene.yaml', text: '# default\n' }],
  activeFile: 'scene.yaml',
  scenarioId: 'clusterip-three-pods',
  edited: false,
  request: { from: 'external', target: 'http://default', count: 1 },
  lookup: false,
};

const data: LinkData = {
  files: [
    { name: 'client.yaml', text: 'kind: Pod\n# 파드 하나\n' },
    { name: 'web.yaml', text: 'kind: Service\n' },
  ],
  activeFile: 'web.yaml',
  scenarioId: null,
  edited: true,
  name: '수업 1',
  request: {
    from: 'pod/default/client',
    target: 'http://web',
    protocol: 'HTTP/2',
    keepalive: true,
    count: 3,
  },
  lookup: false,
  lesson: {
    ref: 'user:mine',
    step: 2,
    bundle: { name: 'mine.lesson.yaml', text: 'format: svclab.lesson/v1\n' },
  },
  hop: { request: 1, hop: 4 },
};

/** A payload made by hand: version, then base64url of deflate-raw of `json`. */
async function packed(json: string, version = '1'): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(json)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `${version}.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const read = (hash: string) => decodeLink(linkPayload(hash)!, fallback);

describe('a scene in a link', () => {
  it('comes back exactly as it went in: files in order, Korean, request, lesson with its bundle, hop', async () => {
    const fragment = await encodeLink(data);
    expect(fragment).toMatch(/^scene=1\.[A-Za-z0-9_-]+$/);
    const r = await read(`#${fragment}`);
    expect(r).toEqual({ ok: true, data, digest: linkDigest(fragment.slice('scene='.length)) });
  });

  it('is compressed: a typical scene fits a chat message', async () => {
    const yaml =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80 }]\n---\n';
    const fragment = await encodeLink({ ...data, files: [{ name: 'scene.yaml', text: yaml.repeat(20) }] });
    expect(fragment.length).toBeLessThan((yaml.length * 20) / 2);
  });

  it('is the same link for the same scene, another for another (the digest finds its workspace)', async () => {
    const a = linkPayload(`#${await encodeLink(data)}`)!;
    const b = linkPayload(`#${await encodeLink(data)}`)!;
    const c = linkPayload(`#${await encodeLink({ ...data, name: 'other' })}`)!;
    expect(linkDigest(a)).toBe(linkDigest(b));
    expect(linkDigest(a)).not.toBe(linkDigest(c));
  });

  it('is not there when the fragment carries none', () => {
    for (const hash of ['', '#', '#lesson=1.abc', '#other=1&scene=1.x'])
      expect(linkPayload(hash), hash).toBeNull();
    expect(linkPayload('#scene=1.abc&step=3')).toBe('1.abc');
  });

  it('is refused as damaged when cut off, garbage or not base64url', async () => {
    const fragment = await encodeLink({ ...data, files: [{ name: 'a.yaml', text: 'x: 1\n'.repeat(500) }] });
    const cut = fragment.slice(0, Math.floor(fragment.length / 2));
    for (const hash of [
      `#${cut}`,
      '#scene=1.!!!!',
      '#scene=1.AAAA',
      '#scene=hello',
      '#scene=1.',
      '#scene=x.abc',
    ])
      expect(await read(hash), hash).toEqual({ ok: false, problem: { code: 'damaged' } });
  });

  it('is refused as damaged when it unpacks to something that is not UTF-8 JSON', async () => {
    expect(await read(`#scene=${await packed('not json')}`)).toEqual({
      ok: false,
      problem: { code: 'damaged' },
    });
  });

  it('says which version it is when a newer svclab made it', async () => {
    expect(await read(`#scene=${await packed('{}', '2')}`)).toEqual({
      ok: false,
      problem: { code: 'version', version: '2' },
    });
  });

  it('carries no scene when its JSON has no file', async () => {
    for (const json of ['{}', '[]', '"text"', '{"files": 3}', '{"files": [{"name": "a.yaml"}]}'])
      expect(await read(`#scene=${await packed(json)}`), json).toEqual({
        ok: false,
        problem: { code: 'empty' },
      });
  });

  it('keeps the defaults for fields that are not what they should be, and ignores unknown ones', async () => {
    const json = JSON.stringify({
      files: [
        { name: '../etc/passwd', text: 'a: 1\n' },
        { name: 'b.yaml', text: 'b: 2\n' },
      ],
      activeFile: 7,
      scenarioId: 'no-such',
      edited: 'yes',
      name: { evil: true },
      request: null,
      lookup: 'true',
      lesson: { ref: '<script>', step: -1 },
      hop: { request: 'x', hop: 1 },
      future: [1, 2, 3],
    });
    const r = await read(`#scene=${await packed(json)}`);
    expect(r.ok && r.data).toEqual({
      files: [
        { name: 'file-1.yaml', text: 'a: 1\n' },
        { name: 'b.yaml', text: 'b: 2\n' },
      ],
      activeFile: 'file-1.yaml',
      scenarioId: null,
      edited: true,
      name: null,
      request: fallback.request,
      lookup: false,
    });
  });

  it('refuses a fragment longer than a browser keeps, unread', async () => {
    const hash = `#scene=1.${'A'.repeat(MAX_LINK_CHARS)}`;
    expect(await read(hash)).toEqual({ ok: false, problem: { code: 'tooLarge', max: MAX_LINK_CHARS } });
  });

  it('stops unpacking a small link that would unpack to far more than a scene', async () => {
    const bomb = await packed(
      JSON.stringify({ files: [{ name: 'a.yaml', text: 'a'.repeat(20 * 1024 * 1024) }] }),
    );
    expect(bomb.length).toBeLessThan(100_000);
    expect(await read(`#scene=${bomb}`)).toEqual({
      ok: false,
      problem: { code: 'tooLarge', max: MAX_LINK_CHARS },
    });
  }, 60_000); // megabytes through deflate: seconds on a busy machine
});
