/**
 * A cache a long-lived workspace keeps between builds: parsed YAML chunks and per-object results
 * (defaults + validation), keyed by their text. Entries not used by the latest build are dropped,
 * so the cache never holds more than two builds' worth of documents.
 *
 * @example
 * const cache = createManifestCache();
 * loadObjects(sources, cache); // parses everything
 * loadObjects(editedSources, cache); // re-parses only the documents whose text changed
 */
import type { ParsedChunk } from './parse-chunk';

export interface ManifestCache {
  /** The parse of a chunk of YAML text, computed once per distinct text. */
  chunk(text: string, compute: () => ParsedChunk): ParsedChunk;
  /** Any per-document result (e.g. defaulted + validated objects), keyed by a string the caller builds. */
  result<T>(key: string, compute: () => T): T;
  /** Ends a build: forgets entries that this build did not use. */
  sweep(): void;
  /** How many chunks were parsed (cache misses) since creation; for tests and the bench. */
  readonly stats: { chunkMisses: number; chunkHits: number; resultMisses: number; resultHits: number };
}

/**
 * Creates an empty cache.
 *
 * @example
 * createManifestCache().stats.chunkMisses; // 0
 */
export function createManifestCache(): ManifestCache {
  let chunks = new Map<string, ParsedChunk>();
  let usedChunks = new Map<string, ParsedChunk>();
  let results = new Map<string, unknown>();
  let usedResults = new Map<string, unknown>();
  const stats = { chunkMisses: 0, chunkHits: 0, resultMisses: 0, resultHits: 0 };
  return {
    stats,
    chunk(text, compute) {
      let hit = usedChunks.get(text) ?? chunks.get(text);
      if (hit) stats.chunkHits++;
      else {
        stats.chunkMisses++;
        hit = compute();
      }
      usedChunks.set(text, hit);
      return hit;
    },
    result<T>(key: string, compute: () => T): T {
      if (usedResults.has(key)) {
        stats.resultHits++;
        return usedResults.get(key) as T;
      }
      let value: T;
      if (results.has(key)) {
        stats.resultHits++;
        value = results.get(key) as T;
      } else {
        stats.resultMisses++;
        value = compute();
      }
      usedResults.set(key, value);
      return value;
    },
    sweep() {
      chunks = usedChunks;
      usedChunks = new Map();
      results = usedResults;
      usedResults = new Map();
    },
  };
}
