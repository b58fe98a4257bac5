/**
 * Duplicate map keys in a parsed YAML document, found in one pass with a set per map. The yaml package
 * can check them itself (`uniqueKeys: true`), but it compares each new key with every earlier one of its
 * map, which is quadratic: a 390 KB map took over 10 s. This reports exactly what it would: an error
 * `Map keys must be unique` (code DUPLICATE_KEY) at every key equal to an earlier key of the same map,
 * where equal means the same node or two scalars with the same value (`===`: `1` and `"1"` differ, NaN
 * never repeats).
 *
 * @example
 * duplicateKeyErrors(parseDocument('a: 1\na: 2\n', { uniqueKeys: false }));
 * // [{ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [5, 6] }]
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

export interface DuplicateKeyError {
  code: 'DUPLICATE_KEY';
  message: string;
  /** Offsets in the parsed text: the duplicate key's start, and one past it. */
  pos: [number, number];
}

export function duplicateKeyErrors(doc: Document): DuplicateKeyError[] {
  const out: DuplicateKeyError[] = [];
  // An explicit stack: a document may nest deeper than the call stack allows (MAX_DEPTH is checked later).
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) continue; // an alias repeats an anchored node, already walked where it stands
    if (isMap(node)) {
      const values = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        const value = isScalar(key) ? key.value : key;
        const repeated = values.has(value) && !(typeof value === 'number' && Number.isNaN(value));
        if (repeated) {
          const start = (isScalar(key) || isMap(key) || isSeq(key) ? key.range?.[0] : undefined) ?? 0;
          out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [start, start + 1] });
        }
        values.add(value);
        stack.push(pair.value, key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return out.sort((a, b) => a.pos[0] - b.pos[0]);
}
