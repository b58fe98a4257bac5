import { expect, type Page, type TestInfo } from '@playwright/test';

/** Keeps a screenshot of the journey as a test artifact. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

/** Waits until Monaco has loaded (it is a lazy chunk). */
export async function editorReady(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="yaml-editor"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
}

/**
 * Focuses the editor as a student would, by a click on its first visible line. Not the centre of
 * `.view-lines`: that box is as tall as the whole text (8,000 px after a 50-object scene), so Playwright
 * scrolls the DOM under Monaco to reach its centre, and Ctrl+A then selects the page instead of the text
 * (bench-ui.mjs hit it in 9ae70eb once the console took more of a 720 px column).
 */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('[data-testid="yaml-editor"] .monaco-editor').click({ position: { x: 120, y: 10 } });
}

/** Replaces the whole YAML the way a user pasting would: focus, select all, paste (typing would auto-indent). */
export async function setEditorText(page: Page, text: string, { verify = true } = {}): Promise<void> {
  await editorReady(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const lines = page.locator('[data-testid="yaml-editor"] .view-lines');
  // The paste is checked and done again if it did not take (a fresh CI run once kept the old text):
  // after it the cursor is at the end, so the text's last line is on screen.
  const last =
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .pop()
      ?.trim() ?? '';
  if (!verify) {
    // A paste meant to break the page (engine-recovery.spec): the editor is gone once it lands.
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    return;
  }
  await expect(async () => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(lines).toContainText(last, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Asks Monaco for suggestions at the end of the text until the list satisfies `wanted` (its YAML worker
 * may still be starting on a busy machine: a user presses Ctrl+Space again), and returns the labels.
 */
export async function suggestUntil(
  page: Page,
  wanted: (labels: string[]) => boolean,
  timeout = 60_000,
): Promise<string[]> {
  const rows = page.locator('[data-testid="yaml-editor"] .suggest-widget .monaco-list-row');
  let labels: string[] = [];
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('ControlOrMeta+End');
        await page.keyboard.press('Control+Space');
        await rows
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => undefined);
        labels = await rows.allTextContents();
        return wanted(labels);
      },
      { timeout },
    )
    .toBe(true);
  return labels;
}

export async function pickScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId('scenario-menu').selectOption(id);
}

/**
 * Waits for the graph to show the cluster the engine built (a cold page on a loaded two-core machine
 * takes tens of seconds: the worker's engine chunk, its first build, the graph's chunk and layout).
 */
export async function graphReady(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible({
    timeout: 60_000,
  });
}

/**
 * Runs in the page: what svclab saved in IndexedDB for the scene shown (the open lesson's own scene when
 * a lesson is open, else the open workspace's), as `{ files, … }`.
 */
export async function savedScene(): Promise<Record<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('svclab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const get = (store: string, key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).get(key);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const app = (await get('app', 'app')) as { lessonOpen?: Record<string, unknown> | null } | undefined;
  const current = (await get('app', 'current')) as string;
  const out = app?.lessonOpen ?? ((await get('workspaces', current)) as Record<string, unknown>);
  db.close();
  return out;
}
