import { test, expect } from '@playwright/test';

test('the built page opens in Chromium', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'svclab', level: 1 })).toBeVisible();
  await expect(page.getByTestId('scenario-menu')).toBeVisible();
});

// Cold load (issue 17): the engine's worker is made by the head's own small script, before the entry has
// run, and the page takes that one worker (none is left behind, and none is made twice).
test("the engine's worker comes from the head's early script, and the page takes it", async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible({
    timeout: 30_000,
  });
  const early = await page.evaluate(() => ({
    script: document.querySelector('head script[async][src*="/assets/early-"]') !== null,
    left: '__svclabEngineWorker' in globalThis,
  }));
  expect(early).toEqual({ script: true, left: false });
  expect(workers.filter((u) => /engine\.worker-/.test(u))).toHaveLength(1);
});
