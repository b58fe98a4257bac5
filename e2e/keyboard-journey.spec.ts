import { test, expect, type Page } from '@playwright/test';
import { graphReady, shot } from './helpers';

/** Presses Tab until the focused element matches `selector` (a keyboard user's only way around). */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${max} Tab presses`);
}

/**
 * Presses Shift+Tab until the focused element matches `selector`. In the editor, Tab indents: a keyboard
 * user presses Ctrl+M first (the escape the editor shows), then Tab moves focus again.
 */
async function tabBackTo(page: Page, selector: string, max = 40): Promise<void> {
  let escaped = false;
  for (let i = 0; i < max; i++) {
    const inEditor = await page.evaluate(() => document.activeElement?.closest('.monaco-editor') != null);
    if (inEditor && !escaped) {
      await page.keyboard.press('Control+M');
      escaped = true;
    }
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${max} Shift+Tab presses`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('keyboard only: load a scenario, send a burst, step, open the event list, follow request 3', async ({
  page,
}, testInfo) => {
  // Many single key presses, each a round trip: on a loaded machine this takes longer than a click journey.
  test.setTimeout(180_000);
  await page.goto('/');
  await graphReady(page);

  // Load a scenario from the menu.
  await tabTo(page, '[data-testid="scenario-menu"]');
  await page.keyboard.press('End'); // the last scenario of the menu
  const scenario = await page.getByTestId('scenario-menu').inputValue();
  expect(scenario).toBe('client-ip-and-keepalive');
  await expect(page.getByTestId('request-count')).toHaveValue('10');

  // The first tab stop of the page skips to the request: Count, then Send.
  await tabBackTo(page, 'a[href="#request"]');
  await expect(page.getByRole('link', { name: 'Skip to the request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="request-count"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 15_000 });

  // The second skip link lands on the playback controls: back to the start, then step.
  await tabBackTo(page, 'a[href="#playback"]', 80);
  await expect(page.getByRole('link', { name: 'Skip to the playback controls' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#playback')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('hop-counter')).toContainText('Hop 1 of');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hop-counter')).toContainText('Hop 3 of');
  await expect(page.getByTestId('hop-counter')).toContainText('Request 1 of 5');

  // Open the event list, follow request 3.
  // The tabs are one tab stop (the selected tab); → moves to the event list and shows it.
  await tabTo(page, '[data-testid="tab-hop"]');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-events')).toBeFocused();
  await expect(page.getByTestId('event-list')).toBeVisible();
  await tabTo(page, '[data-testid="request-picker"]');
  expect(await focused(page)).toBe('request-picker');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await expect(page.getByTestId('hop-counter')).toContainText('Request 3 of 5');
  const current = page.locator('[data-testid="event-row"][aria-current="step"]');
  // The playhead stays: request 3 started later, so it is at an earlier hop; the list marks that hop.
  const [, n] = /Hop (\d+) of/.exec((await page.getByTestId('hop-counter').textContent()) ?? '') ?? [];
  await expect(current).toHaveAccessibleName(new RegExp(`^Request 3, hop ${n}: `));

  // A row is a button: Enter on a row follows its request from that hop; ↓ goes to the next event.
  await tabTo(page, '[data-testid="event-row"]');
  await page.keyboard.press('ArrowDown');
  const label = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
  const [, k] = /^Request (\d+), hop (\d+)/.exec(label) ?? [];
  expect(k).toBeTruthy();
  await expect(page.getByTestId('hop-counter')).toContainText(`Request ${k} of 5`);
  await tabBackTo(page, '[data-testid="tab-events"]');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-hop')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-request')).toHaveText(`Request ${k} of 5`);
  await expect(page.getByTestId('hop-view')).toBeVisible();
  await shot(page, testInfo, 'keyboard-journey');
});
