import { describe, expect, it } from 'vitest';
import { LibraryMissing, librarySlot, takeWantedLibraries } from './library-slot';

describe('library slots', () => {
  it('an empty slot throws LibraryMissing and is remembered until taken, even when the throw was caught', () => {
    takeWantedLibraries();
    const slot = librarySlot<{ twice(n: number): number }>('doubler');
    expect(slot.loaded).toBe(false);
    let caught: unknown;
    try {
      slot.use();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LibraryMissing);
    expect((caught as LibraryMissing).library).toBe('doubler');
    expect(takeWantedLibraries()).toEqual(['doubler']);
    expect(takeWantedLibraries()).toEqual([]);
  });

  it('a filled slot gives its library and records nothing', () => {
    takeWantedLibraries();
    const slot = librarySlot<{ twice(n: number): number }>('doubler');
    slot.provide({ twice: (n) => 2 * n });
    expect(slot.loaded).toBe(true);
    expect(slot.use().twice(21)).toBe(42);
    expect(takeWantedLibraries()).toEqual([]);
  });
});
