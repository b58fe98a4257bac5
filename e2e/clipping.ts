import type { Page } from '@playwright/test';

/**
 * What inside `root` is cut off: an element that sticks out past the root's right edge, or whose text
 * is hidden by its own box (an ellipsis, overflow hidden) sideways or downwards. Boxes named in
 * `scrollers` scroll on purpose (the console's output scrolls sideways so a table stays a table) and
 * are not counted. Screen-reader-only text and hidden measuring probes are meant to be out of sight. Each finding names the element
 * and its text, so a failure says what a student could not read.
 */
export async function clippedIn(page: Page, root: string, scrollers: string[] = []): Promise<string[]> {
  return page
    .locator(root)
    .first()
    .evaluate((box, skip) => {
      const edge = box.getBoundingClientRect().right;
      const out: string[] = [];
      for (const el of box.querySelectorAll<HTMLElement>('*')) {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || el.closest('.sr-only')) continue;
        // A hidden probe that measures layout is not read by anyone.
        if (getComputedStyle(el).visibility === 'hidden') continue;
        if (skip.some((s) => el.closest(s))) continue;
        const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
        if (r.right > edge + 1) out.push(`${name} ends at ${Math.round(r.right)} > ${Math.round(edge)}`);
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
          out.push(`${name} cut sideways: ${el.scrollWidth} > ${el.clientWidth}`);
        if (/hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
          out.push(`${name} cut below: ${el.scrollHeight} > ${el.clientHeight}`);
      }
      return out;
    }, scrollers);
}

/** How the left column shares its height: what the console's output area and the editor show. */
export interface ConsoleFit {
  /** The output area's visible height for text (inside its padding), and the lines of output it holds. */
  outHeight: number;
  outLines: number;
  /** The first hint (before any command), as far as it reaches past the output's visible box: ≤ 0 is whole. */
  hintPastBottom: number | null;
  hintAboveTop: number | null;
  /** The editor's whole lines on screen (its text area's height over its line height). */
  editorLines: number;
  /** The console's and the editor's heights. */
  console: number;
  editor: number;
}

export async function consoleFit(page: Page): Promise<ConsoleFit> {
  return page.evaluate(() => {
    const out = document.querySelector<HTMLElement>('[data-testid="console-out"]')!;
    const style = getComputedStyle(out);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const box = out.getBoundingClientRect();
    const top = box.top + out.clientTop;
    const bottom = top + out.clientHeight;
    const hint = out.querySelector('.console-empty')?.getBoundingClientRect();
    const editor = document.querySelector<HTMLElement>('[data-testid="yaml-editor"] .monaco-editor')!;
    const line = document.querySelector<HTMLElement>('[data-testid="yaml-editor"] .view-line');
    const lineHeight = line ? line.getBoundingClientRect().height : 22;
    const text = editor.querySelector('.overflow-guard') ?? editor;
    return {
      outHeight: out.clientHeight - padding,
      outLines: Math.floor((out.clientHeight - padding) / parseFloat(style.lineHeight)),
      hintPastBottom: hint ? Math.round(hint.bottom - bottom) : null,
      hintAboveTop: hint ? Math.round(top - hint.top) : null,
      editorLines: Math.floor(text.getBoundingClientRect().height / lineHeight),
      console: Math.round(document.querySelector('.console-panel')!.getBoundingClientRect().height),
      editor: Math.round(document.querySelector('.editor-panel')!.getBoundingClientRect().height),
    };
  });
}
