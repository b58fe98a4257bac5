import { describe, expect, it } from 'vitest';
import { clampShare, consoleShare, KEEP_ABOVE, MAX_SHARE, MIN_SHARE } from './console-size';

// styles.css's lengths: the editor keeps 350 px in a short column; the console takes 300 px there.
const at = (column: number) => ({ column, editorKeep: 350, consoleFit: 300 });

describe('the console’s share of its column', () => {
  it('is the page’s own until the user chose a height, or while the column has no layout', () => {
    expect(consoleShare(null, at(640))).toBeNull();
    expect(consoleShare({ height: 400, column: 640 }, at(0))).toBeNull();
  });

  it('is the very height chosen in a column of the same height, even one that leaves the editor less', () => {
    // At 1280×720 (a 640 px column) dragged 120 px above the page's 290 px: the editor keeps 230 px.
    expect(consoleShare({ height: 410, column: 640 }, at(640))).toBe(64);
    expect(consoleShare({ height: 256, column: 640 }, at(640))).toBe(40);
    // Within a pixel (a column measured at a fractional zoom) is the same column.
    expect(consoleShare({ height: 410, column: 640.4 }, at(640))).toBe(64);
  });

  it('keeps its share in another column while the editor keeps its lines', () => {
    expect(consoleShare({ height: 500, column: 1000 }, at(640))).toBeNull(); // 320 px > 290: the page's own
    expect(consoleShare({ height: 256, column: 640 }, at(1000))).toBe(40);
    expect(consoleShare({ height: 500, column: 1000 }, at(1200))).toBe(50);
    expect(consoleShare({ height: 150, column: 1000 }, at(640))).toBe(MIN_SHARE);
  });

  it('leaves the editor what the page promises it when the height came from a taller window', () => {
    // Chosen at 1920×1080 (a 1002 px column): 78% there. At 1280×720 the page's own 290 px is shown.
    expect(consoleShare({ height: 780, column: 1002 }, at(640))).toBeNull();
    // In an 800 px column: at most 800 − 350 = 450 px (56%), more than the page's own (304 px).
    const share = consoleShare({ height: 780, column: 1002 }, at(800))!;
    expect(share).toBe(56);
    expect(800 - (share / 100) * 800).toBeGreaterThanOrEqual(350);
    // A column where 38% is more than the editor's cap leaves it to the page (as styles.css does).
    expect(consoleShare({ height: 700, column: 1000 }, at(500))).toBeNull();
  });

  it('stays inside the splitter’s range', () => {
    expect(clampShare(5, 640)).toBe(MIN_SHARE);
    expect(clampShare(99, 640)).toBe(Math.round(((640 - KEEP_ABOVE) / 640) * 100));
    expect(clampShare(99, 4000)).toBe(MAX_SHARE);
    expect(clampShare(Number.NaN, 640)).toBe(MIN_SHARE);
  });
});
