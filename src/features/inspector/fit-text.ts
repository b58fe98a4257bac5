/**
 * The event list's place column is narrow at 1280×720 (and narrower in Korean, whose words are wider):
 * a CSS ellipsis at the end cut "kube-proxy node-3" to "kube-proxy…" — the node, the part that tells
 * the rows apart, was the part lost. A place is fitted to its column by its own measured width instead:
 * its last word (the node, the pod's random suffix) is kept whole where it can be, and the start gives
 * way in the middle. The whole place stays in the row's tooltip.
 *
 * @example
 * const w = (s: string) => s.length; // one unit a character
 * fitMiddle('kube-proxy node-3', 12, w); // "kube-…node-3"
 * fitMiddle('coredns-6d555dcc4f-987kl', 14, w); // "coredns…-987kl"
 */

/** `text` shortened in the middle to at most `max` units of `width`, its last word kept if it can be. */
export function fitMiddle(text: string, max: number, width: (s: string) => number): string {
  if (width(text) <= max) return text;
  const chars = [...text];
  // The last word: after the last space ("node-3"), else a pod's suffix from its last '-' ("-987kl").
  const space = text.lastIndexOf(' ');
  const from = space > 0 ? space + 1 : text.lastIndexOf('-');
  const tailLen = from > 0 ? chars.length - [...text.slice(0, from)].length : 0;
  const fits = (head: number, tail: number) => width(join(chars, head, tail)) <= max;
  // The whole last word and as much of the start as fits (at least two characters of it).
  if (tailLen > 0 && fits(2, tailLen)) {
    let head = 2;
    while (head + 1 + tailLen < chars.length && fits(head + 1, tailLen)) head++;
    return join(chars, head, tailLen);
  }
  // Else as much as fits, half of it from each end (the end's half rounded up).
  let keep = 0;
  while (keep + 1 < chars.length && fits(Math.floor((keep + 1) / 2), Math.ceil((keep + 1) / 2))) keep++;
  return join(chars, Math.floor(keep / 2), Math.ceil(keep / 2));
}

function join(chars: readonly string[], head: number, tail: number): string {
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(chars.length - tail).join('') : ''}`;
}
