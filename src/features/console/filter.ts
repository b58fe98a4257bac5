/**
 * The console's filter: the lines of an output that contain the text (case-insensitive), with a table's
 * header kept so the columns still have names.
 *
 * @example
 * filterOutput('NAME   TYPE\nweb    ClusterIP\ndb     ClusterIP\n', 'web'); // "NAME   TYPE\nweb    ClusterIP\n"
 */

/** A kubectl-style table header: capitals, digits, dashes, slashes and (S), in columns. */
const HEADER = /^[A-Z][A-Z0-9()/\-_.]*(\s{2,}[A-Z][A-Z0-9()/\-_.]*)+\s*$/;

export function filterOutput(text: string, filter: string): string {
  const needle = filter.trim().toLowerCase();
  if (!needle) return text;
  const lines = text.split('\n');
  const kept = lines.filter(
    (line, i) => (i === 0 && HEADER.test(line)) || line.toLowerCase().includes(needle),
  );
  return kept.length ? `${kept.join('\n')}\n` : '';
}
