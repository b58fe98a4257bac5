export { useStore, STORAGE_KEY, type Store } from './store';
export { useShallow } from 'zustand/react/shallow';
export * from './selectors';
export * from './graph-ids';
export * from './types';
export {
  prestartEngine,
  startEngineSync,
  sendRequest,
  runConsoleLine,
  isBroken,
  prefersReducedMotion,
} from './engine-sync';
export { registerSceneEditor, applySceneEdit, type SceneEditor } from './scene-edits';
export { instrumentation } from './instrumentation';
export { afterFirstGraph } from './first-graph';
export { REQUEST_CHOICES, MAX_COUNT, MIN_COUNT, choiceOf, type RequestChoice } from './request-form';
export { SCENE_FILE, MAX_FILES, FILE_MARK, fileNameProblem, type SceneFile } from './scene-files';
export * from './timeline';
export * from './events';
export { shortName } from './names';
export {
  selectHopIndex,
  selectDuration,
  selectHopPlace,
  selectDropPlace,
  selectFocusTrace,
  selectArrivedCount,
  selectReadout,
  selectFocusDone,
  selectHopNeighbourhood,
} from './playhead-selectors';
export { SPEEDS } from './playback-slice';
export {
  selectActiveLesson,
  selectActiveStep,
  selectLessonPage,
  selectLessonMarks,
  selectStepCommand,
  selectSandboxEdited,
  selectCourse,
  lessonStatus,
  type LessonStatus,
  type CourseEntry,
} from './lesson-selectors';
export { loadLessonCatalogue, loadLessonFile, checkLessonChallenge, answerPrediction } from './lesson-sync';
export {
  challengeKey,
  predictionKey,
  pageCount,
  stepCommand,
  userRef,
  type LessonRef,
  type ChallengeRun,
  type PredictionRun,
  type UserLessonEntry,
} from './lesson-model';
export type { LessonProgress } from './lesson-save';
export type { SidePanel } from './types';
export { TEXT_SCALES } from './settings-slice';
export {
  startPersistence,
  flushPersistence,
  newWorkspace,
  openWorkspace,
  renameWorkspace,
  deleteWorkspace,
  resolveOtherTab,
  workspaceSceneOf,
} from './workspace-sync';
export type { WorkspaceMeta, WorkspaceScene } from './workspace-record';
export type { ConsoleSize } from './console-size';
export { openLocation, followHashChanges, shareFragment, MAX_LINK_CHARS } from './link-open';
export type { LinkProblem } from './link-codec';
export { openFiles, MAX_OPEN_BYTES, type OpenInput } from './file-open';
export { splitSceneYaml, sceneAsYaml } from './scene-files';
export { saveFile, download, fileNameFor } from './save-file';
