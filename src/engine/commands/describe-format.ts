/**
 * What kubectl's describers share (k8s.io/kubectl/pkg/describe): the Go tabwriter they print through
 * (tabbedString: minwidth 0, tabwidth 8, padding 2, spaces), times in RFC 1123 with a numeric zone, and
 * labels and annotations one a line.
 *
 * @example labelsMultiline('Labels', { b: '2', a: '1' }); // "Labels:\ta=1\n\tb=2\n"
 */
import { parseTimestamp, SCENE_EPOCH } from '../cluster/time';
import { byCodeUnits } from '../util/compare';

/**
 * Go's text/tabwriter over `text` (cells end at a tab; a line's last cell is not aligned): each column
 * block (consecutive lines that have a cell in that column) is as wide as its widest cell plus `padding`.
 *
 * @example tabwrite('a:\tx\nlonger:\ty\n'); // "a:       x\nlonger:  y\n"
 */
export function tabwrite(text: string, padding = 2): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      out.push(cells.map((c, j) => (j < cells.length - 1 ? c.padEnd(widths[j] ?? 0) : c)).join(''));
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      write(start, i);
      start = i;
      let width = 0;
      for (; i < line1 && column < lines[i]!.length - 1; i++)
        width = Math.max(width, [...lines[i]![column]!].length + padding);
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--;
    }
    write(start, line1);
  };
  format(0, lines.length);
  return out.join('\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: "Thu, 01 Jan 2026 00:00:30 +0000" (Go's zero time for an empty one). */
export function rfc1123z(text: string | undefined): string {
  const at = parseTimestamp(text ?? '');
  if (at === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date((SCENE_EPOCH + at) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultilineWithIndent: `<none>`, or one `k=v` a line, sorted by key. */
export function labelsMultiline(title: string, labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byCodeUnits);
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${labels![k]}\n`).join('');
}

/** Go's len: a string's length in UTF-8 bytes. */
const bytes = (s: string): number =>
  [...s].reduce((n, c) => {
    const cp = c.codePointAt(0)!;
    return n + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }, 0);

const MAX_ANNOTATION_LEN = 140;

/**
 * printAnnotationsMultiline: `<none>`, or one `key: value` a line, sorted, without kubectl's
 * last-applied-configuration; a value over 140 bytes with its key, or of several lines, goes under
 * `key:` one line each, each cut at 138 bytes with `...`.
 */
export function annotationsMultiline(title: string, annotations: Record<string, string> | undefined): string {
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort(byCodeUnits);
  if (keys.length === 0) return `${title}:\t<none>\n`;
  let text = `${title}:\t`;
  keys.forEach((key, i) => {
    if (i !== 0) text += '\t';
    const value = annotations![key]!.replace(/\n$/, '');
    if (bytes(value) + bytes(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      text += `${key}:\n`;
      for (const line of value.split('\n')) {
        const cut =
          bytes(line) > MAX_ANNOTATION_LEN - 2 ? `${line.slice(0, MAX_ANNOTATION_LEN - 2)}...` : line;
        text += `\t  ${cut}\n`;
      }
    } else text += `${key}: ${value}\n`;
  });
  return text;
}
