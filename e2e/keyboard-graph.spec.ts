import { test, expect } from '@playwright/test';
import { editorReady, graphReady } from './helpers';

// The keyboard's ways into and out of the graph and the editor, and a presenter's clicker in a lesson.
test('keyboard: the editor shows its Tab escape, Enter opens a graph element, a clicker turns lesson pages', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);

  // The editor, focused, says how to leave it with Tab.
  const hint = page.getByTestId('editor-tab-hint');
  await expect(hint).toHaveCSS('opacity', '0');
  await page.locator('[data-testid="yaml-editor"] .view-lines').click();
  await expect(hint).toHaveCSS('opacity', '1');
  await expect(hint).toContainText('Ctrl+M');
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') == null)).toBe(true);

  // A graph element takes focus, shows it, and Enter opens it: lit in the graph, its YAML lines marked.
  const service = page.locator('.react-flow__node[data-id="Service/default/web"]');
  await service.focus();
  const outline = await service.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(service).toHaveClass(/\blit\b/);
  await expect(page.locator('.yaml-selected').first()).toBeVisible();

  // A link reached with the keyboard is drawn thick in the focus colour, not a shade darker.
  const link = page.locator('.react-flow__edge').first();
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const path = link.locator('.react-flow__edge-path');
  await expect(path).toHaveCSS('stroke', 'rgb(29, 78, 216)');
  await expect(path).toHaveCSS('stroke-width', '5px');

  // A lesson open: the clicker's PageDown and PageUp turn its pages; the arrows still step the packet.
  await page.getByTestId('side-tab-lesson').click();
  await page.getByTestId('lesson-item-clusterip').click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toContainText('Step 1 of 4');
  await page.locator('body').focus();
  await page.keyboard.press('PageDown');
  await expect(panel).toContainText('Step 2 of 4');
  await page.keyboard.press('PageDown');
  await expect(panel).toContainText('Step 3 of 4');
  await page.keyboard.press('PageUp');
  await expect(panel).toContainText('Step 2 of 4');
});
