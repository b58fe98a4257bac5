import { test, expect } from '@playwright/test';
import { editorReady, focusEditor, graphReady } from './helpers';

/** The page's one focus colour (--focus in src/app/styles.css): not the route's blue (#1d4ed8). */
const FOCUS = 'rgb(219, 39, 119)';

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
  await focusEditor(page);
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

  // A link reached with the keyboard is drawn thick in the focus colour (--focus), not a shade darker.
  const link = page.locator('.react-flow__edge').first();
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const path = link.locator('.react-flow__edge-path');
  await expect(path).toHaveCSS('stroke', FOCUS);
  await expect(path).toHaveCSS('stroke-width', '5px');

  // While a request plays, focus on the followed route's current link still reads as focus: its colour
  // is not the current link's blue.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 30_000 });
  await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('Home');
  // Past the DNS lookup (its links go when the request's own begin), onto the request's first link.
  await expect(async () => {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('hop-view')).not.toContainText('DNS lookup', { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('ArrowRight');
  const now = page.locator('.react-flow__edge.route-now');
  await expect(now).toHaveCount(1);
  const nowId = await now.getAttribute('data-id');
  const hopStroke = await now.locator('.react-flow__edge-path').evaluate((el) => getComputedStyle(el).stroke);
  expect(hopStroke).toBe('rgb(29, 78, 216)');
  const focused = page.locator(`.react-flow__edge[data-id="${nowId}"]`);
  await focused.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(focused).toBeFocused();
  await expect(focused.locator('.react-flow__edge-path')).toHaveCSS('stroke', FOCUS);
  // Space plays (the link is not a button): the focused link keeps focus and its colour as the packet
  // moves on to the next hop (whose classes change the boxes the links are drawn to).
  const hopBefore = await page.getByTestId('hop-counter').textContent();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByTestId('hop-counter')).not.toHaveText(hopBefore ?? '', { timeout: 15_000 });
  await expect(focused).toBeFocused();
  const playing = await focused
    .locator('.react-flow__edge-path')
    .evaluate((el) => getComputedStyle(el).stroke);
  expect(playing).toBe(FOCUS);
  expect(playing).not.toBe(hopStroke);
  await page.keyboard.press(' ');

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
