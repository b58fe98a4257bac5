/**
 * The smallest replacement that turns one text into another: the common start and end are kept, only
 * the span between them is replaced. A command's edit then touches only its lines in the editor, so the
 * cursor, the folds and the undo step stay where the change is.
 *
 * @example
 * minimalEdit('a: 1\nb: 2\n', 'a: 1\nb: 5\n'); // { start: 8, end: 9, text: '5' }
 */
export interface TextEdit {
  /** Offset of the first replaced character in the old text. */
  start: number;
  /** Offset after the last replaced character in the old text. */
  end: number;
  /** What goes in their place. */
  text: string;
}

export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Keep a surrogate pair whole: never split between its halves.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let tail = 0;
  while (
    tail < most - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
