import { test, expect } from '@playwright/test';
import { graphReady, shot } from './helpers';

test('a request is sent and followed hop by hop with the keyboard', async ({ page }, testInfo) => {
  // Eighteen hops, each a key press and three reads: a busy machine needs more than the default minute.
  test.setTimeout(150_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 15_000 });

  // Pause and rewind to the first hop, then step forward one hop at a time.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Step back' }).click();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
  await expect(counter).toContainText(/Hop 1 of (\d+)/);
  const total = Number(/of (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(1);
  let sawDnat = false;
  for (let i = 2; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(counter).toContainText(`Hop ${i} of ${total}`);
    if ((await page.getByTestId('hop-view').textContent())?.includes('DNAT')) {
      sawDnat = true;
      await expect(page.getByTestId('hop-rule')).toBeVisible();
      await expect(page.locator('.rewritten').first()).toBeVisible();
      await shot(page, testInfo, 'dnat-hop');
    }
  }
  expect(sawDnat).toBe(true);
  await expect(page.getByTestId('outcome')).toContainText('Delivered');
  await shot(page, testInfo, 'delivered');
});

test('count 100 animates together; the per-pod tally grows as packets arrive', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-count').fill('100');
  await page.getByRole('button', { name: 'Send' }).click();
  const tally = page.getByTestId('tally');
  await expect(tally).toBeVisible({ timeout: 15_000 });
  const arrived = page.getByTestId('tally-arrived');
  // At the first hops nothing has arrived: the burst does not give the answer away.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await expect(arrived).toHaveText('0 of 100 arrived');
  await expect(tally.locator('.tally-row')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(arrived).toHaveText('100 of 100 arrived');
  await expect(tally.locator('.tally-row')).toHaveCount(3);
  await shot(page, testInfo, 'tally');
});
