/**
 * A library the engine calls synchronously but a host may load after the engine itself (issue 17, cold
 * load): the CEL evaluator, RE2, the X.509 decoder and the message catalogue are ≈ 40 % of the engine's
 * code and most of its load-time work, and the page's first build rarely needs them. The module that
 * calls one holds a slot for it; engine/libraries.ts fills every slot with the real library
 * (provideLibraries). The CLI, the scripts and the tests have them filled before they build
 * (engine/index.ts's build and workspace do it; the tests' setup file too), so they never see an empty
 * slot. The page's worker fills them when their chunk has loaded; a build that reached an empty slot is
 * thrown away and run again, on a new workspace, once they are in (worker/engine-host.ts), so its answer
 * is the one the whole engine gives. A slot holds code, never data of a scene: it is the same for every
 * workspace and world, and filling it twice changes nothing.
 *
 * @example
 * const re2 = librarySlot<{ compile(p: string): RE2JS }>('re2');
 * re2.use().compile('^/a'); // throws LibraryMissing until re2.provide(…) ran
 */

/** Thrown by an empty slot's use(): the library is not loaded yet. */
export class LibraryMissing extends Error {
  constructor(readonly library: string) {
    super(`the ${library} library is not loaded yet`);
    this.name = 'LibraryMissing';
  }
}

/** The slots a caller reached empty since the last takeWantedLibraries(): a caught throw is still seen. */
const wanted = new Set<string>();

export interface LibrarySlot<T> {
  readonly name: string;
  /** Whether provide() has run. */
  readonly loaded: boolean;
  provide(library: T): void;
  /** The library; an empty slot records its name (takeWantedLibraries) and throws LibraryMissing. */
  use(): T;
}

export function librarySlot<T>(name: string): LibrarySlot<T> {
  let library: T | undefined;
  return {
    name,
    get loaded() {
      return library !== undefined;
    },
    provide(l) {
      library = l;
    },
    use() {
      if (library === undefined) {
        wanted.add(name);
        throw new LibraryMissing(name);
      }
      return library;
    },
  };
}

/** The names of the slots used while empty since the last call, and forgets them. */
export function takeWantedLibraries(): string[] {
  const names = [...wanted].sort();
  wanted.clear();
  return names;
}
