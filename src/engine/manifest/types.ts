/**
 * An object taken from the user's YAML, with what it needs to point back at its source text.
 * `loadObjects` (manifest/load.ts) produces these; the cluster builder consumes them.
 */
import type { KubeObject } from '../k8s/objects';
import type { FieldPath, SourceRange } from './parse';

export interface SourcedObject {
  object: KubeObject;
  file: string; // "scene.yaml"
  docIndex: number; // 0-based document index in the file
  /** Path of the object inside its document: [] for a plain document, ["items", 3] inside a kind: List. */
  basePath: FieldPath;
  startLine: number;
  endLine: number;
  /** Creation order: document order is apply order. */
  order: number;
  /** Where a field of this object (path relative to the object) stands in the text. */
  locate(path: FieldPath): SourceRange | undefined;
}
