import { test, expect } from '@playwright/test';

// Issue 17, cold load: the worker builds the first graph with the first part of the engine only; the
// command interpreter is in its second part (engine-rest.ts), fetched once the graph is drawn. A line
// typed before that part has arrived must wait for it and get its right answer, not an error.
test('a console line typed right after load waits for the rest of the engine and is answered', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked: string[] = [];
  // The rest of the engine is held back until the line has been sent.
  await page.context().route(/\/assets\/engine-rest-[^/]+\.js$/, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto('/');
  const input = page.getByTestId('console-input');
  await expect(input).toBeVisible({ timeout: 30_000 });
  // The first build has answered (the graph shows its Service): the worker holds a cluster.
  await expect(page.locator('[data-testid="topology"] .g-service', { hasText: 'web' })).toBeVisible({
    timeout: 30_000,
  });
  await input.fill('get svc web');
  await input.press('Enter');
  const entry = page.getByTestId('console-entry').last();
  await expect(entry).toContainText('get svc web');
  // The rest was not loaded when the line went out: it was asked for (by the line or the course) and held.
  await expect.poll(() => asked.length, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(entry).not.toContainText('CLUSTER-IP');
  release();
  await expect(entry).toContainText('CLUSTER-IP', { timeout: 20_000 });
  const table = (await entry.locator('pre').first().textContent()) ?? '';
  expect(table).toMatch(
    /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s/,
  );
  expect(asked).toHaveLength(1);
});
