/**
 * The manifest layer's shared types: where things stand in the YAML text, and an object taken from the
 * user's YAML with what it needs to point back at its source. `loadObjects` (manifest/load.ts) produces
 * SourcedObjects; the cluster builder consumes them.
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';

export interface SourceRange {
  line: number; // 1-based
  column: number; // 1-based
  endLine: number;
  endColumn: number;
}

export type FieldPath = (string | number)[];

/** An object taken from the user's YAML (see above). */
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

/** What admission (admit.ts) leaves of one object: here so that crd/admit.ts can name it without a cycle. */
export interface Admission {
  /** The object as stored (defaults filled), or null when the API server would refuse it. */
  object: KubeObject | null;
  diagnostics: Diagnostic[];
  /** Start line of the object when this admission was computed (for re-basing cached diagnostics). */
  startLine?: number;
}
