/**
 * The messages between the page and the engine worker. Errors are values: every call answers with a
 * Result, never a thrown error, and every build answer carries the revision of the text it was for.
 */
import type {
  Challenge,
  ChallengeResult,
  ClusterState,
  CommandResult,
  DecodeResult,
  Diagnostic,
  ImportedFile,
  Lang,
  LessonError,
  LoadedLesson,
  ManifestSource,
  Prediction,
  PredictionResult,
  RequestInit,
  TimelineEvent,
  Trace,
} from '../engine';
import { FULL_TRACE_LIMIT } from '../engine/core';
import type { ModelPatch } from './cluster-patch';

/**
 * The most requests one `simulate` call sends (the request bar's count): the page animates every one of
 * them, so each keeps its whole trace. Issue 17 asks for 2,000 packets in flight on the page.
 */
export const MAX_SIM_COUNT = 2000;

/**
 * The most requests of one console line the page animates: beyond FULL_TRACE_LIMIT a `curl --count` is
 * a table and its requests keep only their decisions, not hops to animate.
 */
export const MAX_CONSOLE_TRACES = FULL_TRACE_LIMIT;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BuildAnswer {
  revision: number;
  /** The cluster the text yields (a text with errors yields the cluster without the refused objects). */
  cluster: ClusterState;
  diagnostics: Diagnostic[];
  /** Milliseconds the engine spent building (for the bench's breakdown). */
  buildMs: number;
  /**
   * Milliseconds from the worker taking the call to its answer: the build, the page's slim copy and the
   * patch (updateModel; for the bench's breakdown).
   */
  workerMs?: number;
  /**
   * The instant `cluster` is at (seconds of the scene's timeline) and every event of the scene's
   * Timeline, those after it too (none without a Timeline).
   */
  timeline: { at: number; events: TimelineEvent[] };
}

/**
 * The page's slim cluster as a build sends it (issue 17, "send only what changed"): whole, the first
 * time and whenever the page's model is not the one the worker last sent, else the changes from the
 * model numbered `base`, which the page holds. Either way the result is model number `epoch`.
 */
export type ClusterModel =
  { epoch: number; cluster: ClusterState } | { epoch: number; base: number; patch: ModelPatch };

/** A build's answer as it crosses from the worker: the cluster as a model to apply. */
export interface BuildWire extends Omit<BuildAnswer, 'cluster'> {
  model: ClusterModel;
}

export interface SimAnswer {
  revision: number; // the cluster's revision the requests ran against
  traces: Trace[];
}

export interface LookupAnswer {
  revision: number;
  /** One trace per lookup: the queries walking kube-proxy's rules to a CoreDNS pod and back. */
  traces: Trace[];
  /** nslookup's output for the first lookup, as the real tool prints it. */
  text: string;
}

export interface EngineApi {
  /** Rebuilds the cluster from the sources. Answers `{ ok: true, value: null }` when a newer revision
   *  arrived before this one was processed (the caller drops it). */
  update(
    revision: number,
    sources: ManifestSource[],
    seed: number,
    at?: number,
  ): Promise<Result<BuildAnswer | null>>;
  /**
   * `update`, answering with the cluster as a model: a patch against model number `known` when that is
   * the one this worker last sent, else whole (`known` 0: the caller holds none).
   */
  updateModel(
    revision: number,
    sources: ManifestSource[],
    seed: number,
    at: number,
    known: number,
  ): Promise<Result<BuildWire | null>>;
  /** Sends `request.count` requests (1 to MAX_SIM_COUNT) against the cluster of the newest revision. */
  simulate(request: RequestInit): Promise<Result<SimAnswer>>;
  /** Looks up the request's target host name from its source, as `nslookup` there would (`count` times). */
  lookup(request: RequestInit): Promise<Result<LookupAnswer>>;
  /**
   * One console line, as `svclab --lang <lang>` would run it, against the newest revision's sources. A
   * command that edits the scene (scale, label, cordon …) answers with the edited sources.
   */
  run(line: string, lang: Lang): Promise<Result<CommandResult>>;
  /**
   * A file the user opens (readManifestFile): refused by the reader's limits (an alias bomb, too deep,
   * too large), or its text to open, a `kubectl get -o yaml` dump cleaned for re-applying.
   */
  readFile(text: string): Promise<Result<ImportedFile>>;
  /** The built-in lessons, in course order. */
  lessons(): Promise<Result<LessonCatalogue>>;
  /** An instructor's lesson bundle (YAML or JSON): the lesson, or its errors with file, line and field. */
  decodeLesson(name: string, text: string): Promise<Result<DecodeResult>>;
  /** Checks a challenge on these sources (built afresh with this seed, as `svclab lesson check` does). */
  checkChallenge(
    challenge: Challenge,
    sources: ManifestSource[],
    seed: number,
  ): Promise<Result<ChallengeResult>>;
  /** Judges a student's prediction by what the cluster of these sources does. */
  judgePrediction(
    prediction: Prediction,
    chosen: string,
    sources: ManifestSource[],
    seed: number,
  ): Promise<Result<PredictionResult>>;
}

/** The built-in course as the page receives it (each lesson with its scene's files only). */
export interface LessonCatalogue {
  lessons: LoadedLesson[];
  /** Folders that did not decode: a bug in a built-in lesson, shown rather than hidden. */
  errors: { folder: string; errors: LessonError[] }[];
  /** The largest lesson file the decoder reads (bytes): the page refuses a larger one before reading it. */
  maxBytes: number;
}

export type { ManifestSource, Trace, CommandResult, ClusterState, Diagnostic, ImportedFile, RequestInit };
export type {
  Challenge,
  ChallengeResult,
  DecodeResult,
  LessonError,
  LoadedLesson,
  Prediction,
  PredictionResult,
};

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}
