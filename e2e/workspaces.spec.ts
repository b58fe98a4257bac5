import { test, expect, type Page } from '@playwright/test';
import { editorReady, graphReady, pickScenario, savedScene, setEditorText, shot } from './helpers';

const editorText = (page: Page) => page.locator('[data-testid="yaml-editor"] .view-lines');
const MINE =
  '# my own scene\napiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports: [{ port: 80 }]\n';

test('a scenario picked over edits opens as a new workspace; the edits stay, listed, after a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, MINE);
  await expect(page.getByTestId('topology')).toContainText('mine', { timeout: 20_000 });
  // No question asked, nothing replaced.
  page.on('dialog', () => {
    throw new Error('no dialog expected');
  });
  await pickScenario(page, 'ingress');
  await expect(editorText(page)).toContainText('Ingress: two hosts');
  await page.getByTestId('workspace-menu').click();
  const rows = page.getByTestId('workspace-row');
  await expect(rows).toHaveCount(2);
  await shot(page, testInfo, 'workspaces');
  await page.reload();
  await editorReady(page);
  await expect(editorText(page)).toContainText('Ingress: two hosts');
  await page.getByTestId('workspace-menu').click();
  await rows.filter({ hasText: 'ClusterIP' }).getByRole('button').first().click();
  await expect(editorText(page)).toContainText('my own scene');
  await expect(page.getByTestId('topology')).toContainText('mine', { timeout: 20_000 });
});

test('a reload right after an edit keeps it', async ({ page }) => {
  await page.goto('/');
  await editorReady(page);
  await setEditorText(page, MINE);
  await expect
    .poll(async () => ((await page.evaluate(savedScene)).files as { text: string }[])[0]?.text)
    .toBe(MINE);
  await page.reload();
  await editorReady(page);
  await expect(editorText(page)).toContainText('my own scene');
});

test('two tabs on one workspace: the other tab is told and chooses, nothing is overwritten', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  await a.goto('/');
  await editorReady(a);
  const b = await context.newPage();
  await b.goto('/');
  await editorReady(b);
  await setEditorText(a, MINE);
  await expect(b.getByTestId('save-notice')).toContainText('saved in another tab', { timeout: 15_000 });
  await b.getByTestId('other-tab-theirs').click();
  await expect(editorText(b)).toContainText('my own scene');
  await expect(b.getByTestId('save-notice')).toHaveCount(0);
  // Now b edits: a is told, and keeps its own as a new workspace.
  await setEditorText(b, MINE.replace('my own scene', 'from tab b'));
  await expect(a.getByTestId('save-notice')).toContainText('saved in another tab', { timeout: 15_000 });
  await a.getByTestId('other-tab-mine').click();
  await a.getByTestId('workspace-menu').click();
  await expect(a.getByTestId('workspace-row')).toHaveCount(2);
  await expect(editorText(a)).toContainText('my own scene');
});

test('storage full: said, the work stays in the tab and can be downloaded', async ({ page }) => {
  await page.goto('/');
  await editorReady(page);
  // The browser refuses every write, as when the quota is used up.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await setEditorText(page, MINE);
  const notice = page.getByTestId('save-notice');
  await expect(notice).toContainText('storage is full', { timeout: 15_000 });
  await expect(editorText(page)).toContainText('my own scene');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-download').click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(MINE);
});

test('a damaged save from an older svclab does not blank the page', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const state = {
      text: 42,
      locale: 'xx',
      request: null,
      scenarioId: { x: 1 },
      lessonsVersion: 1,
      lessonProgress: 7,
    };
    localStorage.setItem('svclab:v1', JSON.stringify({ state, version: 2 }));
  });
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);
  await expect(page.getByTestId('scenario-menu')).toBeVisible();
  await expect(editorText(page)).toContainText('kind:');
});
