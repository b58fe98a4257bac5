/**
 * A scene carried in a link (architecture principle 18: versioned data, never code). The whole scene —
 * its files, the request bar, the lesson and page open (an instructor's own lesson with its bundle) and
 * the hop selected — goes into the URL fragment, which the browser never sends to any server:
 *
 *     #scene=1.<payload>
 *
 * `1` is the link's version; `<payload>` is base64url (no padding) of deflate-raw (RFC 1951, through
 * CompressionStream) of UTF-8 JSON:
 *
 *     { "files": [{ "name": "scene.yaml", "text": "…" }], "activeFile": "scene.yaml",
 *       "scenarioId": "clusterip", "edited": true, "name": "My scene",
 *       "request": { "from": "external", "target": "http://web", … }, "lookup": false,
 *       "lesson": { "ref": "clusterip", "step": 2 },                       // optional
 *       "lesson": { "ref": "user:mine", "step": 0, "bundle": { "name": "mine.lesson.yaml", "text": "…" } },
 *       "hop": { "request": 0, "hop": 3 } }                                // optional
 *
 * Reading checks every field as a saved workspace is checked (saved-state.ts): a field that is not what
 * it should be keeps its default, unknown fields are ignored (a newer svclab may add some), and a link
 * that cannot be read at all says why (`LinkProblem`). Nothing in a link is executed or fetched: the
 * files are YAML for the engine, a lesson bundle is read by the same decoder as a lesson file.
 *
 * @example
 * const fragment = await encodeLink(data); // "scene=1.q1YqzkksSVWy…"
 * await decodeLink(linkPayload('#' + fragment)!, fallback); // { ok: true, data, digest: "…" }
 */
import type { RequestInit } from '../engine';
import { findScenario, type ScenarioId } from '../scenarios';
import { mergeSaved } from './saved-state';
import { sceneFilesFrom, type SceneFile } from './scene-files';
import type { WorkspaceScene } from './workspace-record';

export const LINK_VERSION = 1;
export const LINK_KEY = 'scene';

/** Longer fragments are refused unread (Chromium keeps URLs up to 2 MiB; a link that long is a mistake). */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
/** Unpacking stops here, well before a small packed bomb could fill the memory (50 files of 5 MB is absurd). */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;
/** The most pages a lesson link may name, requests of a burst, hops of a trace (far above any real one). */
const MAX_INDEX = 100_000;

/** The lesson a link opens: built in (`clusterip`) or an instructor's (`user:<id>`, with its bundle). */
export interface LinkLesson {
  ref: string;
  /** The page open (0-based: the lesson's steps, then its challenges). */
  step: number;
  /** An instructor's lesson file, exactly as loaded (name and text). */
  bundle?: { name: string; text: string };
}

export interface LinkData extends WorkspaceScene {
  /** The workspace's name, when the user gave one. */
  name: string | null;
  lesson?: LinkLesson;
  /** The hop selected: request `request` of the burst (0-based), its hop `hop` (0-based). */
  hop?: { request: number; hop: number };
}

/** Why a link could not be read. */
export type LinkProblem =
  | { code: 'version'; version: string } // made by a newer svclab
  | { code: 'damaged' } // cut off or changed: not base64url, does not unpack, not UTF-8 JSON
  | { code: 'tooLarge'; max: number } // max in characters of the link
  | { code: 'empty' }; // unpacks, but carries no file

export type LinkRead = { ok: true; data: LinkData; digest: string } | { ok: false; problem: LinkProblem };

/** The link's payload (`1.<base64url>`) from a location's hash, or null when the fragment carries none. */
export function linkPayload(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${LINK_KEY}=`;
  if (!body.startsWith(prefix)) return null;
  // Not through URLSearchParams: a 5 MB fragment is refused by its length, not parsed first.
  const end = body.indexOf('&');
  return end === -1 ? body.slice(prefix.length) : body.slice(prefix.length, end);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pack(text: string): Promise<Uint8Array> {
  const stream = new Blob([new TextEncoder().encode(text)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The unpacked bytes; null when they are not deflate-raw or stop early; 'tooLarge' past `max`. */
async function unpack(bytes: Uint8Array, max: number): Promise<Uint8Array | null | 'tooLarge'> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return 'tooLarge';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A short digest of a link's payload (two 32-bit FNV-1a-style hashes): the workspace a link opened is
 * found by it when the same link is opened again. Not a secret and not crypto.subtle, which a page served
 * over plain http on a classroom's network does not have.
 */
export function linkDigest(payload: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ payload.length;
  for (let i = 0; i < payload.length; i++) {
    const c = payload.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${payload.length.toString(36)}`;
}

/** The link's fragment for this scene (without its `#`). */
export async function encodeLink(data: LinkData): Promise<string> {
  const json = JSON.stringify({
    files: data.files,
    activeFile: data.activeFile,
    scenarioId: data.scenarioId,
    edited: data.edited,
    name: data.name,
    request: data.request,
    lookup: data.lookup,
    ...(data.lesson ? { lesson: data.lesson } : {}),
    ...(data.hop ? { hop: data.hop } : {}),
  });
  return `${LINK_KEY}=${LINK_VERSION}.${toBase64Url(await pack(json))}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isIndex = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INDEX;

function lessonFrom(v: unknown): LinkLesson | undefined {
  if (!isRecord(v) || typeof v.ref !== 'string' || !/^(user:)?[A-Za-z0-9._-]{1,100}$/.test(v.ref)) return;
  const b = v.bundle;
  const bundle =
    isRecord(b) && typeof b.name === 'string' && typeof b.text === 'string' && b.text.trim()
      ? { name: b.name.trim().slice(0, 200) || 'link', text: b.text }
      : null;
  return { ref: v.ref, step: isIndex(v.step) ? v.step : 0, ...(bundle ? { bundle } : {}) };
}

/** The link's fields read over `fallback` (the page's request bar when the link's is not a request). */
function dataFrom(value: Record<string, unknown>, fallback: WorkspaceScene): LinkData | null {
  const files: SceneFile[] | null = sceneFilesFrom(value.files);
  if (!files) return null;
  const scene = mergeSaved(
    {
      files,
      activeFile: value.activeFile,
      scenarioId: value.scenarioId,
      edited: value.edited,
      request: value.request,
      lookup: value.lookup,
    },
    { ...fallback },
  );
  const scenarioId: ScenarioId | null =
    typeof value.scenarioId === 'string' ? (findScenario(value.scenarioId)?.id ?? null) : null;
  const lesson = lessonFrom(value.lesson);
  const hop = isRecord(value.hop) && isIndex(value.hop.request) && isIndex(value.hop.hop) ? value.hop : null;
  const request: RequestInit = scene.request;
  return {
    files: scene.files,
    activeFile: scene.activeFile,
    scenarioId,
    edited: scene.edited,
    request,
    lookup: scene.lookup,
    name: typeof value.name === 'string' && value.name.trim() ? value.name.trim().slice(0, 100) : null,
    ...(lesson ? { lesson } : {}),
    ...(hop ? { hop: { request: hop.request as number, hop: hop.hop as number } } : {}),
  };
}

/**
 * Reads a link's payload (`1.<base64url>`): the scene it carries, or why it cannot be read. A payload
 * too long is refused before anything is decoded; unpacking stops at MAX_UNPACKED_BYTES.
 */
export async function decodeLink(payload: string, fallback: WorkspaceScene): Promise<LinkRead> {
  if (payload.length > MAX_LINK_CHARS)
    return { ok: false, problem: { code: 'tooLarge', max: MAX_LINK_CHARS } };
  const dot = payload.indexOf('.');
  const version = dot === -1 ? '' : payload.slice(0, dot);
  if (!/^\d{1,6}$/.test(version)) return { ok: false, problem: { code: 'damaged' } };
  if (Number(version) !== LINK_VERSION) return { ok: false, problem: { code: 'version', version } };
  const bytes = fromBase64Url(payload.slice(dot + 1));
  if (!bytes) return { ok: false, problem: { code: 'damaged' } };
  const unpacked = await unpack(bytes, MAX_UNPACKED_BYTES);
  if (unpacked === 'tooLarge') return { ok: false, problem: { code: 'tooLarge', max: MAX_LINK_CHARS } };
  if (!unpacked) return { ok: false, problem: { code: 'damaged' } };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked));
  } catch {
    return { ok: false, problem: { code: 'damaged' } };
  }
  const data = isRecord(value) ? dataFrom(value, fallback) : null;
  if (!data) return { ok: false, problem: { code: 'empty' } };
  return { ok: true, data, digest: linkDigest(payload) };
}
