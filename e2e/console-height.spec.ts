import { test, expect, type Page } from '@playwright/test';
import { consoleFit } from './clipping';
import { editorReady, graphReady, shot } from './helpers';

// A classroom projector (1280×720): the left column is 640 px for the editor and the console. With the
// console at 38% of it, its output area was two lines in English and one in Korean (59 and 45 px, under
// the header, the chips and the input): the first hint filled it, and `get svc` (three lines) was cut
// until the student dragged the console's top edge. Now the console takes what its hint and five lines
// of output need while the editor keeps twelve lines; at 1920×1080 it is 38% as before.

async function ready(page: Page): Promise<void> {
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);
  await expect(page.getByTestId('console-input')).toBeVisible({ timeout: 30_000 });
}

async function run(page: Page, line: string, expected: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(expected, { timeout: 30_000 });
}

/** The newest entry is whole inside the output's visible box (the console shows it from its top). */
async function lastEntryWhole(page: Page): Promise<{ past: number; above: number }> {
  return page.getByTestId('console-out').evaluate((out) => {
    const top = out.getBoundingClientRect().top + out.clientTop;
    const bottom = top + out.clientHeight;
    const r = out.querySelector('[data-testid="console-entry"]:last-child')!.getBoundingClientRect();
    return { past: Math.round(r.bottom - bottom), above: Math.round(top - r.top) };
  });
}

for (const locale of ['en-US', 'ko-KR'])
  test.describe(() => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });

    test(`${locale} at 1280×720: the console's hint and short outputs show whole, the editor keeps 12 lines`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      await ready(page);
      await expect(page.locator('.console-empty')).toBeVisible();
      const fit = await consoleFit(page);
      expect(
        fit.hintAboveTop,
        `the hint starts above the output area: ${JSON.stringify(fit)}`,
      ).toBeLessThanOrEqual(0);
      expect(fit.hintPastBottom, `the hint is cut at the bottom: ${JSON.stringify(fit)}`).toBeLessThanOrEqual(
        0,
      );
      expect(fit.outLines, `output lines: ${JSON.stringify(fit)}`).toBeGreaterThanOrEqual(5);
      expect(fit.editorLines, `editor lines: ${JSON.stringify(fit)}`).toBeGreaterThanOrEqual(12);
      await shot(page, testInfo, `${locale}-1280-console-hint`);

      // The chips keep fewer rows here and scroll: each one a keyboard reaches is scrolled into sight.
      const chips = page.locator('.console-chips .chip');
      const count = await chips.count();
      expect(count).toBeGreaterThan(4);
      await chips.first().focus();
      for (let i = 0; i < count; i++) {
        if (i > 0) await page.keyboard.press('Tab');
        const seen = await page.evaluate(() => {
          const chip = document.activeElement!;
          const box = chip.closest('.console-chips')!;
          const r = chip.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          return {
            text: chip.textContent,
            inside:
              r.top >= b.top + box.clientTop - 0.5 &&
              r.bottom <= b.top + box.clientTop + box.clientHeight + 0.5,
          };
        });
        expect(seen.inside, `chip ${i} "${seen.text}" out of sight`).toBe(true);
      }

      // A short output (a line and a three-row table) is read whole without scrolling or dragging.
      await run(page, 'get svc', 'CLUSTER-IP');
      const entry = await lastEntryWhole(page);
      expect(entry.past, 'get svc is cut at the bottom').toBeLessThanOrEqual(0);
      expect(entry.above, 'get svc starts above the output area').toBeLessThanOrEqual(0);
    });
  });

test.describe(() => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

  test('the console keeps its top edge: a drag or a key moves it from where it is, and the height stays the user’s', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await ready(page);
    const edge = page.getByTestId('console-resize');
    const before = await consoleFit(page);
    // The splitter says the share the page shows, not a default the page does not use.
    const shown = Number(await edge.getAttribute('aria-valuenow'));
    const column = await page.locator('.column.left').evaluate((c) => c.clientHeight);
    expect(Math.abs(shown - (before.console / column) * 100)).toBeLessThanOrEqual(1);

    // A key moves it one step from what is shown: ↓ makes it smaller, never larger.
    await edge.focus();
    await page.keyboard.press('ArrowDown');
    await expect(edge).toHaveAttribute('aria-valuenow', String(shown - 5));
    const smaller = await consoleFit(page);
    expect(smaller.console).toBeLessThan(before.console);
    expect(smaller.editor).toBeGreaterThan(before.editor);

    // A drag 120 px up: the console grows by about that, the editor gives it.
    const grip = (await edge.boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 60, { steps: 3 });
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 120, { steps: 3 });
    await page.mouse.up();
    const dragged = await consoleFit(page);
    expect(Math.abs(dragged.console - smaller.console - 120)).toBeLessThanOrEqual(8);
    const share = Number(await edge.getAttribute('aria-valuenow'));
    expect(share).toBeGreaterThan(shown);

    // The user's share is kept as the window changes (the page's own would be 38% at this size).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(edge).toHaveAttribute('aria-valuenow', String(share));
    const wide = await page.locator('.column.left').evaluate((c) => c.clientHeight);
    const big = await consoleFit(page);
    expect(Math.abs(big.console - (share / 100) * wide)).toBeLessThanOrEqual(2);
  });

  test('at 1920×1080 the console keeps 38% of its column', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await ready(page);
    const column = await page.locator('.column.left').evaluate((c) => c.clientHeight);
    const fit = await consoleFit(page);
    expect(Math.abs(fit.console - 0.38 * column)).toBeLessThanOrEqual(1);
    expect(fit.outLines).toBeGreaterThanOrEqual(10);
    expect(fit.editorLines).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId('console-resize')).toHaveAttribute('aria-valuenow', '38');
  });
});

/** What the page's record in IndexedDB keeps of the console's height (null: the page's own). */
async function keptSize(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('svclab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const app = await new Promise<{ consoleSize?: unknown } | undefined>((resolve, reject) => {
      const r = db.transaction('app').objectStore('app').get('app');
      r.onsuccess = () => resolve(r.result as { consoleSize?: unknown } | undefined);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return app?.consoleSize ?? null;
  });
}

/** Drags the console's top edge `dy` px (negative: up, a taller console). */
async function drag(page: Page, dy: number): Promise<void> {
  const grip = (await page.getByTestId('console-resize').boundingBox())!;
  const x = grip.x + grip.width / 2;
  const y = grip.y + grip.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy / 2, { steps: 3 });
  await page.mouse.move(x, y + dy, { steps: 3 });
  await page.mouse.up();
}

async function reloaded(page: Page): Promise<void> {
  await page.reload();
  await graphReady(page);
  await editorReady(page);
  await expect(page.getByTestId('console-input')).toBeVisible({ timeout: 30_000 });
}

test.describe(() => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

  test('the console’s height survives a reload: dragged, moved by a key, and back to the page’s own by a double-click', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await ready(page);
    const edge = page.getByTestId('console-resize');
    const before = await consoleFit(page);
    expect(await keptSize(page)).toBeNull();

    // Dragged 120 px up: the editor keeps less than its 12 lines, as the student chose, and a reload in
    // the same window shows that very height.
    await drag(page, -120);
    const dragged = await consoleFit(page);
    expect(Math.abs(dragged.console - before.console - 120)).toBeLessThanOrEqual(8);
    const share = await edge.getAttribute('aria-valuenow');
    await expect.poll(() => keptSize(page)).not.toBeNull();
    await reloaded(page);
    await expect(edge).toHaveAttribute('aria-valuenow', share!);
    const again = await consoleFit(page);
    expect(Math.abs(again.console - dragged.console), JSON.stringify({ dragged, again })).toBeLessThanOrEqual(
      2,
    );

    // ↓ on the focused edge: five points less, kept too.
    await edge.focus();
    await page.keyboard.press('ArrowDown');
    const smaller = String(Number(share) - 5);
    await expect(edge).toHaveAttribute('aria-valuenow', smaller);
    const keyed = await consoleFit(page);
    await expect
      .poll(async () => ((await keptSize(page)) as { height: number } | null)?.height)
      .toBe(
        Math.round(
          (Number(smaller) / 100) * (await page.locator('.column.left').evaluate((c) => c.clientHeight)),
        ),
      );
    await reloaded(page);
    await expect(edge).toHaveAttribute('aria-valuenow', smaller);
    expect(Math.abs((await consoleFit(page)).console - keyed.console)).toBeLessThanOrEqual(2);

    // A double-click gives the page's own height back, and a reload keeps that.
    await edge.dblclick();
    await expect.poll(() => keptSize(page)).toBeNull();
    expect(Math.abs((await consoleFit(page)).console - before.console)).toBeLessThanOrEqual(1);
    await reloaded(page);
    const own = await consoleFit(page);
    expect(Math.abs(own.console - before.console)).toBeLessThanOrEqual(1);
    expect(own.editorLines).toBeGreaterThanOrEqual(12);
  });
});

for (const locale of ['en-US', 'ko-KR'])
  test.describe(() => {
    test.use({ locale, viewport: { width: 1920, height: 1080 } });

    test(`${locale}: a tall console chosen at 1920×1080 still leaves the editor its 12 lines after a reload at 1280×720`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(150_000);
      await ready(page);
      const edge = page.getByTestId('console-resize');
      // 300 px up from 38%: the console takes about two thirds of the column.
      await drag(page, -300);
      const tall = await consoleFit(page);
      const share = await edge.getAttribute('aria-valuenow');
      expect(Number(share)).toBeGreaterThan(60);
      await expect.poll(() => keptSize(page)).not.toBeNull();
      // Kept at this size.
      await reloaded(page);
      await expect(edge).toHaveAttribute('aria-valuenow', share!);
      expect(Math.abs((await consoleFit(page)).console - tall.console)).toBeLessThanOrEqual(2);

      // On the projector: the share would leave the editor about 200 px; it keeps its 12 lines, and the
      // console's hint and five lines show whole, as on a first visit.
      await page.setViewportSize({ width: 1280, height: 720 });
      await reloaded(page);
      await expect(page.locator('.console-empty')).toBeVisible();
      const fit = await consoleFit(page);
      expect(fit.editorLines, `editor lines: ${JSON.stringify(fit)}`).toBeGreaterThanOrEqual(12);
      expect(fit.outLines, `output lines: ${JSON.stringify(fit)}`).toBeGreaterThanOrEqual(5);
      expect(fit.hintPastBottom, `the hint is cut: ${JSON.stringify(fit)}`).toBeLessThanOrEqual(0);
      const column = await page.locator('.column.left').evaluate((c) => c.clientHeight);
      await expect(edge).toHaveAttribute('aria-valuenow', String(Math.round((fit.console / column) * 100)));
      await shot(page, testInfo, `${locale}-1280-after-1920-console`);
      // The user's height is still kept: back at 1920×1080 it is theirs again.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expect(edge).toHaveAttribute('aria-valuenow', share!);
    });
  });
