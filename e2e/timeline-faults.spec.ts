import { test, expect, type Page } from '@playwright/test';
import { editorReady, graphReady, pickScenario, shot } from './helpers';

/** Runs a console line and waits for its answer. */
async function run(page: Page, line: string, expected: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(expected, { timeout: 15_000 });
}

/** Sends the request bar's burst and waits until every request has come to rest. */
async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('tally-arrived')).toHaveText('30 of 30 arrived', { timeout: 20_000 });
  return (await page.getByTestId('tally').textContent()) ?? '';
}

// The NodePort scene with its pods spread (one per node); node-3 stops at 0 s from its context menu.
// Requests to node-2's Cluster-policy NodePort: before NotReady kube-proxy still sends a third of them
// to node-3's pod and they time out; after NotReady (50 s) the other pods take them all; after the
// eviction (5m50s) a replacement pod is on another node.
test('stop a node from the graph, scrub before and after NotReady and eviction, send at each', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await graphReady(page);
  await pickScenario(page, 'nodeport-local-vs-cluster');
  await editorReady(page);
  await run(
    page,
    `kubectl patch deployment echo --type merge -p '{"spec":{"replicas":3,"template":{"spec":{"nodeName":null}}}}'`,
    'deployment.apps/echo patched',
  );
  const pods = page.locator('[data-testid="topology"] .g-pod .g-title[title^="default/echo-"]');
  await expect(pods).toHaveCount(3, { timeout: 15_000 });

  // node-3's context menu (right click): stop it.
  const node3 = page.locator('[data-testid="topology"] .react-flow__node[data-id="node/node-3"]');
  await node3.click({ button: 'right', position: { x: 30, y: 10 } });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await shot(page, testInfo, 'node-menu');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fault-status')).toContainText('timeline.svclab.io/faults created', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('timeline-at')).toHaveText('t = 0s');
  await expect(page.getByTestId('timeline-mark')).toHaveCount(3, { timeout: 15_000 });

  await page.getByTestId('request-from').selectOption('external');
  await page.getByTestId('request-to').fill('http://10.0.0.12:30081/');
  await page.getByTestId('request-count').fill('30');

  const scrubber = page.getByTestId('timeline-scrubber');
  // 30 s: node-3 is down, nobody knows yet: its share times out. The scrubber, by keyboard.
  await scrubber.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-at')).toHaveText('t = 30s');
  let tally = await send(page);
  expect(tally).toContain('Timed out');
  await shot(page, testInfo, 'before-not-ready');

  // 50 s: NotReady, its pod marked not ready; the other pods answer every request.
  await page.getByTestId('timeline-next').click();
  await expect(page.getByTestId('timeline-at')).toHaveText('t = 50s');
  await expect(page.getByTestId('timeline-now')).toContainText('node-monitor grace period');
  tally = await send(page);
  expect(tally).not.toContain('Timed out');
  await shot(page, testInfo, 'after-not-ready');

  // 5m50s: evicted and replaced on another node; still every request answered.
  await page.getByTestId('timeline-next').click();
  await expect(page.getByTestId('timeline-at')).toHaveText('t = 5m50s');
  await expect(page.getByTestId('timeline-now')).toContainText('taint-based eviction');
  await expect(pods).toHaveCount(4, { timeout: 15_000 }); // the evicted one, Terminating, and its replacement
  tally = await send(page);
  expect(tally).not.toContain('Timed out');
  await shot(page, testInfo, 'after-eviction');

  // The console runs at the instant shown.
  await run(page, 'get nodes', 'node-3');
  await expect(page.getByTestId('console-entry').last()).toContainText(/node-3\s+NotReady/);
});
