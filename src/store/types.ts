/**
 * The store's shapes: each slice's state and actions, the whole Store, and what comes from (or goes to)
 * the engine worker. Kept below the slice files, which each import the Store they are part of.
 */
import type {
  ClusterState,
  Diagnostic,
  LessonError,
  RemovableField,
  RequestInit,
  TimelineEvent,
  Trace,
  UrlDistribution,
} from '../engine';
import type { Locale } from '../i18n/translate';
import type { ScenarioId } from '../scenarios';
import type { ConsoleSize } from './console-size';
import type { ChallengeRun, LessonCatalogueState, LessonRef, PredictionRun } from './lesson-model';
import type { LessonSave } from './lesson-save';
import type { RequestChoice, RequestFormState } from './request-form';
import type { fileNameProblem, SceneFile } from './scene-files';
import type { LinkProblem } from './link-codec';
import type { WorkspaceMeta } from './workspace-record';

export type FileNameProblem = NonNullable<ReturnType<typeof fileNameProblem>>;
export type { SceneFile };

export interface GoodBuild {
  revision: number;
  cluster: ClusterState;
}

/** A context menu on a graph element (`node/node-2`, `pod/default/web-x`) at a point of the screen. */
export interface ElementMenu {
  id: string;
  x: number;
  y: number;
}

export type EngineStatus = 'starting' | 'ready' | 'error';

export type { ClusterState, Diagnostic, RequestInit, TimelineEvent, Trace };

export type Store = ManifestsSlice &
  SimulationSlice &
  PlaybackSlice &
  SelectionSlice &
  SettingsSlice &
  LessonsSlice &
  WorkspacesSlice &
  ConsoleSlice;

/** A console line and what it printed, as the console shows it. */
export interface ConsoleEntry {
  id: number;
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number | null; // null while running
  note?: string;
  /** `curl --count N`: the experiment's histogram, drawn under its table. */
  distributions?: UrlDistribution[];
}

export interface ConsoleSlice {
  /** The console's screen (its last 50 lines), oldest first; `clear` empties it. */
  consoleEntries: ConsoleEntry[];
  setConsoleEntries(update: ConsoleEntry[] | ((list: ConsoleEntry[]) => ConsoleEntry[])): void;
}

/** Why the work is not being saved: the storage is full, the browser has none, another tab saved it. */
export type SaveProblem = { code: 'quota' } | { code: 'unavailable'; message: string } | { code: 'otherTab' };

/** Something the page says once about the work kept: kept aside, opened from a link, … */
export type WorkspaceNotice = { code: 'keptAside'; count: number } | { code: 'migrated' };

/** What the page says about the link or the address it was opened with (link-open.ts). */
export type LinkNotice =
  | { code: 'opened' } // a new workspace holds the link's scene
  | { code: 'returned' } // this link was opened before: its workspace, as the user left it
  | { code: 'problem'; problem: LinkProblem }
  | { code: 'unknownScenario'; id: string }
  | { code: 'unknownLesson'; id: string }
  | { code: 'lessonAside'; lesson: string }; // the student's own text of the link's lesson kept as a workspace

export interface WorkspacesSlice {
  /** The workspace open: its scene is the editor's (or, while a lesson is open, the one set aside). */
  workspaceId: string;
  workspaceName: string | null;
  /** The link the open workspace was opened from (its digest), so opening that link again comes back. */
  workspaceLink: string | null;
  /** Every saved workspace, the newest first. */
  workspaceList: WorkspaceMeta[];
  saveProblem: SaveProblem | null;
  workspaceNotice: WorkspaceNotice | null;
  setWorkspaceNotice(notice: WorkspaceNotice | null): void;
  linkNotice: LinkNotice | null;
}

/** Why a file the user opened was not opened (store/file-open.ts); the page says it with the file's name. */
export type FileProblem =
  | { name: string; code: 'extension' | 'binary' }
  | { name: string; code: 'tooLarge'; size: number }
  | { name: string; code: 'tooMany'; max: number }
  | { name: string; code: 'unreadable'; detail: string }
  /** The engine's reader refuses it: `reason` is its diagnostic code (yaml.alias-limit, yaml.too-deep …). */
  | { name: string; code: 'refused'; reason: string; line: number };

/** What opening files did: the tabs opened, the files refused, what each dump lost. */
export interface FileNotice {
  opened: string[];
  /** The opened files took the place of an untouched scenario (else they follow the scene's files). */
  replaced: boolean;
  problems: FileProblem[];
  dumps: {
    name: string;
    /** Each field removed and from how many objects, in the engine's order (REMOVABLE_FIELDS). */
    removed: [RemovableField, number][];
    /** EndpointSlices the endpoint-slice controller wrote, left out (this cluster's writes its own). */
    controllerSlices: number;
    keptPodStatus: number;
    objects: number;
    /** Nodes the dump's pods ran on that it does not include: svclab added them at the file's end. */
    addedNodes: string[];
  }[];
}

export interface ManifestsSlice {
  /** The scene: its files in apply order (each one `kubectl apply -f`), shown as the editor's tabs. */
  files: SceneFile[];
  /** The name of the file the editor shows. */
  activeFile: string;
  /** The scenario the text started from; `edited` says whether the user changed it since. */
  scenarioId: ScenarioId | null;
  edited: boolean;
  /** Bumped on every change; the worker's answers carry it so stale ones are dropped. */
  revision: number;
  /** Edits the file shown. */
  setText(text: string): void;
  setFileText(name: string, text: string): void;
  showFile(name: string): void;
  /** Adds a file after the others (empty, or `file`; a name taken is replaced); its name, or null at the limit. */
  addFile(file?: SceneFile): string | null;
  /** Renames a file; why not, when the name cannot be used. */
  renameFile(from: string, to: string): FileNameProblem | null;
  /** Removes a file (never the last one). */
  removeFile(name: string): void;
  /** Moves a file earlier (-1) or later (+1) in the apply order. */
  moveFile(name: string, delta: -1 | 1): void;
  loadScenario(id: ScenarioId): void;
  /** What the last files opened came to (shown until dismissed). */
  fileNotice: FileNotice | null;
}

export interface SimulationSlice extends RequestFormState {
  engineStatus: EngineStatus;
  /** Why the engine failed (shown as-is). */
  engineMessage: string | null;
  /**
   * The engine's worker was stopped and restarted (a build over its budget, a worker that failed), or
   * could not be started again (`gaveUp`).
   */
  engineStop: { why: 'overBudget' | 'crashed' | 'gaveUp'; budgetMs: number } | null;
  /** Diagnostics for the newest text the worker answered for. */
  diagnostics: Diagnostic[];
  diagnosticsRevision: number;
  /** The newest text does not yield a cluster (syntax errors): the graph keeps `lastGood`, dimmed. */
  broken: boolean;
  lastGood: GoodBuild | null;
  computing: boolean;

  traces: Trace[];
  /** A DNS lookup's answer, as nslookup prints it. */
  lookupText: string | null;
  traceError: string | null;
  sending: boolean;

  /**
   * The instant of the scene's timeline the page shows, in seconds (architecture principle 17): the
   * graph, the rules, the console and the requests are the cluster then.
   */
  sceneAt: number;
  /** The scene's Timeline events from the newest build (empty without a Timeline). */
  timelineEvents: TimelineEvent[];
  /** Moves to an instant (the scrubber); the requests sent at the old one are cleared. */
  setSceneAt(at: number): void;
  /** The graph element whose context menu (faults) is open, and where on the screen. */
  elementMenu: ElementMenu | null;
  openElementMenu(menu: ElementMenu | null): void;
  /** The last fault injected from the menu: its console line and what it answered. */
  faultStatus: { line: string; ok: boolean; text: string } | null;

  /** Edits the request's fields (the count is kept a whole number from 1 to 2,000). */
  setRequest(patch: Partial<RequestInit>): void;
  /** Picks an entry of the bar's protocol menu. */
  chooseProtocol(choice: RequestChoice): void;
}

/** Which hops the event list shows. */
export interface EventFilter {
  /** Hide the hops of DNS lookups (a request's name lookup, or a lookup of its own). */
  hideDns: boolean;
  /** All hops, only the ones NAT rewrote, or only drops and rejects. */
  only: 'all' | 'nat' | 'drops';
  /** Only the hops of the followed request. */
  focusOnly: boolean;
}

export interface PlaybackSlice {
  playing: boolean;
  /** Timeline seconds (not simulated cluster time). Only the overlay and the inspector read it per frame. */
  playhead: number;
  /**
   * While playing, the playhead as the panels' running counts show it (events happened, requests
   * arrived): the clock moves it a few times a second, not in every frame, since a count that changes
   * 60 times a second cannot be read. Paused, the counts read `playhead` itself (selectReadout).
   */
  readout: number;
  speed: number; // 1 = one hop per second
  /** The request of a burst the inspector and the graph follow (0-based index into `traces`). */
  focus: number;
  eventFilter: EventFilter;
  setPlaying(playing: boolean): void;
  setPlayhead(t: number): void;
  setSpeed(speed: number): void;
  setFocus(k: number): void;
  setEventFilter(patch: Partial<EventFilter>): void;
}

/** Who made the selection: the editor's cursor (graph follows) or a click in the graph (editor follows). */
export type SelectionSource = 'graph' | 'editor';

export interface SelectionSlice {
  /** An ObjectKey ("Service/default/web") or a graph-only id ("external", "kube-proxy/node-1"). */
  selected: string | null;
  selectionSource: SelectionSource;
  select(id: string | null, source: SelectionSource): void;
  /** Counts the times a graph element was opened in the inspector (Enter): the inspector takes focus. */
  inspected: number;
  /** Opens a graph element in the inspector (Enter on it): selected, the inspector shown, focus moved there. */
  inspect(id: string): void;
}

export interface SettingsSlice {
  locale: Locale;
  /** Seeds every random choice of the engine: same YAML + seed + requests = same result. */
  seed: number;
  /** Presenting: the editor column is hidden so the graph and the inspector get the whole width. */
  presenting: boolean;
  /** Presenting: how large the text is, 1 = the smallest readable from a room's back (one of TEXT_SCALES). */
  textScale: number;
  /** The console's height once the user moved its top edge (kept across reloads); null: the page's own. */
  consoleSize: ConsoleSize | null;
  setLocale(locale: Locale): void;
  setPresenting(presenting: boolean): void;
  setTextScale(scale: number): void;
  /** Keeps the console's height; what is not a size (see consoleSizeFrom) is the page's own height again. */
  setConsoleSize(size: ConsoleSize | null): void;
}

export type SidePanel = 'inspector' | 'lesson';

export interface LessonsSlice extends LessonSave {
  /** The lessons the worker decoded: null until it answered. */
  lessonCatalogue: LessonCatalogueState | null;
  lessonCatalogueError: string | null;
  /** By challengeKey(ref, id): the newest check of each challenge in this session. */
  challengeRuns: Record<string, ChallengeRun>;
  /** By predictionKey(ref, step): the newest judgement of each prediction in this session. */
  predictionRuns: Record<string, PredictionRun>;
  /** The lesson file that failed to load last, with what is wrong with it. */
  lessonFileErrors: { name: string; errors: LessonError[] } | null;
  /** What the panel beside the graph shows. */
  sidePanel: SidePanel;
  /** A console line a lesson step offers; the console takes it into its input (nonce: each offer). */
  consoleDraft: { line: string; nonce: number } | null;

  /** Opens a lesson (at its saved step, or `step`); false when no such lesson is loaded. */
  openLesson(ref: LessonRef, options?: { step?: number }): boolean;
  /** Leaves the lesson: its text is kept for next time, the manifests set aside come back. */
  closeLesson(): void;
  /** Moves by `delta` pages (+1 next, -1 back) within the lesson: its steps, then its challenges. */
  lessonStep(delta: number): void;
  goToLessonStep(index: number): void;
  /** The lesson's starting scene again (the UI asks first). */
  resetLessonScene(): void;
  /** Shows the next hint of the ladder (nudge, concept, field) for a challenge of the open lesson. */
  revealHint(challengeId: string): void;
  setSidePanel(panel: SidePanel): void;
  draftConsole(line: string): void;
  /** Forgets an instructor's lesson file (its progress stays, should it be loaded again). */
  removeUserLesson(name: string): void;
}
