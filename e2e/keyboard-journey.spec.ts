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

/** Presses Shift+Tab until the focused element matches `selector`. */
async function tabBackTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${max} Shift+Tab presses`);
}

/** Back to the top of the page, as a reload or Shift+Tab past the first element would bring a user. */
const toTop = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('keyboard only: load a scenario, send a burst, step, open the event list, follow request 3', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await graphReady(page);

  // Load a scenario from the menu.
  await tabTo(page, '[data-testid="scenario-menu"]');
  await page.keyboard.press('End'); // the last scenario of the menu
  const scenario = await page.getByTestId('scenario-menu').inputValue();
  expect(scenario).toBe('client-ip-and-keepalive');
  await expect(page.getByTestId('request-count')).toHaveValue('10');

  // The first tab stop of the page skips to the request: Count, then Send.
  await toTop(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="request-count"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 15_000 });

  // The second skip link lands on the playback controls: back to the start, then step.
  await toTop(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
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
  await tabTo(page, '[data-testid="tab-events"]');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('event-list')).toBeVisible();
  await tabTo(page, '[data-testid="request-picker"]');
  expect(await focused(page)).toBe('request-picker');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await expect(page.getByTestId('hop-counter')).toContainText('Request 3 of 5');
  const current = page.locator('[data-testid="event-row"][aria-current="step"]');
  await expect(current).toHaveAttribute('aria-label', /^Request 3, hop 3: /);

  // A row is a button: Enter on a row follows its request from that hop; ↓ goes to the next event.
  await tabTo(page, '[data-testid="event-row"]');
  await page.keyboard.press('ArrowDown');
  const label = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
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
