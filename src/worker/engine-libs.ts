/**
 * The engine's libraries that load apart (engine/libraries.ts, issue 17, cold load: CEL and protobuf,
 * RE2, the X.509 decoder, the message catalogue), as a chunk of the worker's own. engine-host.ts imports
 * it only with `import()`: with the rest of the engine, or when a build reached one of them before it
 * had loaded (that build is then run again).
 *
 * @example
 * (await import('./engine-libs')).provideLibraries();
 */
export { provideLibraries } from '../engine';
