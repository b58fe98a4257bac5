/**
 * A shell-like command history: ↑ recalls older lines, ↓ newer ones, and stepping past the newest
 * gives back the line being typed before the recall started.
 *
 * @example
 * let h = pushHistory(emptyHistory(), 'get svc');
 * h = recall(h, -1, 'get p'); // h.line === 'get svc'
 * h = recall(h, 1, h.line);   // h.line === 'get p'
 */
export interface History {
  lines: readonly string[]; // oldest first
  /** Index into `lines` being shown, or lines.length when editing the fresh line. */
  cursor: number;
  /** What the user had typed before recalling. */
  draft: string;
  /** The line to show in the input after the last step. */
  line: string;
}

const LIMIT = 100;

export const emptyHistory = (): History => ({ lines: [], cursor: 0, draft: '', line: '' });

export function pushHistory(h: History, line: string): History {
  const lines = h.lines.at(-1) === line ? h.lines : [...h.lines, line].slice(-LIMIT);
  return { lines, cursor: lines.length, draft: '', line: '' };
}

/** dir -1 = older (↑), 1 = newer (↓). `current` is what the input holds now. */
export function recall(h: History, dir: -1 | 1, current: string): History {
  const draft = h.cursor === h.lines.length ? current : h.draft;
  const cursor = Math.max(0, Math.min(h.lines.length, h.cursor + dir));
  const line = cursor === h.lines.length ? draft : h.lines[cursor]!;
  return { ...h, cursor, draft, line };
}
