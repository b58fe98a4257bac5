/**
 * How the validators read the untyped YAML they are given: a value is an object only if it is a mapping
 * (not a list, not null), a list of objects keeps each item's index (a non-object item reads as `{}`, so
 * the item's field path stays `[i]`), and a non-string reads as ''. One definition for every validator
 * (they each had their own copy).
 *
 * @example
 * objects([{ name: 'a' }, 3]); // [{ name: 'a' }, {}]: spec.volumes[1] is still index 1
 * str(42); // ''
 */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list's items as objects, each at its own index. */
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Set to something (neither missing nor YAML's null). */
export const given = (v: unknown): boolean => v !== undefined && v !== null;
