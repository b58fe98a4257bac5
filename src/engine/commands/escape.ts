/**
 * The output layer's terminal escaping: every text the command interpreter prints (the CLI's standard
 * output and error, the in-page console) goes through `escapeTerminal`, so that a value the user typed in
 * YAML (an annotation, a label, a header, a file name) can never drive the terminal: change its title,
 * clear the screen, move the cursor or hide text. kubectl does the same since 1.26 (cli-runtime's
 * printers.EscapeTerminal, kubernetes/kubernetes#112553): ESC becomes `^[` and CR becomes `\r`.
 * svclab goes further, since any C0 control can misbehave in some terminal:
 * - other C0 controls (except TAB and LF, which tables and lines need) in caret notation, as `cat -v`
 *   prints them (`^G` for BEL);
 * - DEL and the C1 controls (U+0080–U+009F, which 8-bit terminals read as CSI, OSC …) as `\u007f`,
 *   `\u009b`: valid JSON escapes, so JSON output stays JSON.
 *
 * JSON output (`-o json`) never holds a raw C0 control (JSON.stringify escapes them), so the only
 * characters this touches there are DEL and C1 ones, written as `\u007f` / `\u009b`: the same string
 * once parsed. Escaping is idempotent: its output holds no control character.
 *
 * @example
 * escapeTerminal('title\u001b]0;pwned\u0007\u001b[2J'); // "title^[]0;pwned^G^[[2J"
 * escapeTerminal('a\r\nb\tc\n'); // "a\\r\nb\tc\n"
 */

// Everything that needs escaping: C0 except TAB (09) and LF (0a), DEL, C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function replacement(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0d) return '\\r';
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`; // ^@ … ^_, ESC is ^[
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces terminal control characters with visible text (see the module comment).
 *
 * @example escapeTerminal('\u001b[31mred') // "^[[31mred"
 */
export function escapeTerminal(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, replacement) : text;
}
