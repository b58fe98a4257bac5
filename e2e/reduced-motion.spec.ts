import { test, expect } from '@playwright/test';
import { graphReady } from './helpers';

test.use({ reducedMotion: 'reduce' });

// A student who asked the system for less motion: nothing plays by itself, every request shows its end.
test('reduced motion: a request does not autoplay, it opens at its end state; stepping still works', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-count').fill('5');
  await page.getByRole('button', { name: 'Send' }).click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 15_000 });
  // At the end at once: every request arrived, the outcome shown, playback paused (Play offered).
  await expect(page.getByTestId('tally-arrived')).toHaveText('5 of 5 arrived');
  await expect(page.getByTestId('outcome')).toContainText('Delivered');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  const at = await counter.textContent();
  await page.waitForTimeout(1500);
  expect(await counter.textContent()).toBe(at);
  // The keyboard still walks the hops, one at a time.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await expect(counter).toContainText('Hop 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toContainText('Hop 2 of');
  // The route of the followed request is drawn (its links stand still: nothing animates along them).
  await expect(page.locator('.react-flow__edge.edge-route').first()).toBeAttached();
  const animated = await page.locator('.react-flow__edge.animated').count();
  expect(animated).toBe(0);
});
