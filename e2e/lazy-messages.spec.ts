/**
 * Cold load (issue 17): the engine's message catalogue (both languages' sentences, the page's largest
 * chunk the first graph does not need) loads apart. A first graph that shows no message is drawn
 * without it, and it loads after; a first screen that shows one waits for the words, never the ids.
 */
import { test, expect } from '@playwright/test';
import { graphReady, pickScenario } from './helpers';

/** When each of the page's resources whose URL matches `pattern` was asked for (ms from navigation). */
const requested = (pattern: string) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => new RegExp(pattern).test(e.name))
    .map((e) => e.startTime);

test('the default scene draws its first graph before the message catalogue loads, which follows', async ({
  page,
}) => {
  await page.goto('/');
  await graphReady(page);
  const graphAt = await page.evaluate(() => performance.getEntriesByName('svclab:graph')[0]!.startTime);
  // Loaded once the first graph is drawn, in an idle moment.
  await expect
    .poll(() => page.evaluate(requested, '/assets/message-catalogue-'), { timeout: 30_000 })
    .toHaveLength(1);
  const [askedAt] = await page.evaluate(requested, '/assets/message-catalogue-');
  expect(askedAt).toBeGreaterThan(graphAt);
});

test("a first screen with a timeline shows its events' words, loaded before they are drawn", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await pickScenario(page, 'nodeport-local-vs-cluster');
  // Stop node-3 from its context menu: the scene gets a Timeline with the node's fault at 0 s.
  const node3 = page.locator('[data-testid="topology"] .react-flow__node[data-id="node/node-3"]');
  await expect(node3).toBeVisible({ timeout: 30_000 });
  await node3.click({ button: 'right', position: { x: 30, y: 10 } });
  await expect(page.getByTestId('fault-menu')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline-mark').first()).toBeVisible({ timeout: 15_000 });

  // A cold page on the saved scene: the timeline bar renders the 0 s event as a sentence.
  await page.reload();
  await graphReady(page);
  const event = page.getByTestId('timeline-now').locator('[data-msg-id]').first();
  await expect(event).toBeVisible({ timeout: 30_000 });
  const id = (await event.getAttribute('data-msg-id'))!;
  const text = (await event.textContent())!.trim();
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toContain(id);
  expect(text).toContain('node-3');
});
