/**
 * The rest of the engine as the worker serves it: the calls its first build does not need (requests,
 * the console's command interpreter, the lessons). engine-host.ts imports this module dynamically, so
 * the bundler makes it a second chunk of the worker, loaded on the first call that needs it or once the
 * page has drawn its first graph (issue 17, cold load: the first build waits for a smaller script).
 *
 * @example
 * const rest = await import('./engine-rest');
 * rest.runCommand('get svc', env).stdout; // kubectl's table
 */
export { createWorld, request, runCommand, simulate, simulateMany } from '../engine';
export {
  checkLessonChallenge,
  decodeLessonFile,
  judgeLessonPrediction,
  lessonCatalogue,
} from './lesson-host';
