import { test, expect } from '@playwright/test';
import { graphReady, shot } from './helpers';

// The followed request's route is drawn as links, and its hop lights the Service, the rule and the pod.
test('the route is drawn; a DNAT hop lights its Service, its rule chip and the chosen pod', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 15_000 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  const route = page.locator('.react-flow__edge.edge-route');
  // The DNS lookup's links first: ahead of the packet, dashed.
  await expect(route.first()).toBeAttached();
  await expect(page.locator('.react-flow__edge.route-now')).toHaveCount(1);
  await expect(page.locator('.react-flow__node.hop-service')).toHaveCount(0);

  // Step to the request's own DNAT: web, its chip on the client's kube-proxy, and the pod chosen light up.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowRight');
    const text = (await page.getByTestId('hop-view').textContent()) ?? '';
    if (text.includes('DNAT') && !text.includes('DNS lookup')) break;
  }
  await expect(page.locator('.react-flow__node.hop-service')).toHaveAttribute(
    'data-id',
    'Service/default/web',
  );
  await expect(page.getByTestId('hop-rule-chip')).toHaveText(/web/);
  const pod = /default\/(web-[a-z0-9-]+)/.exec((await page.getByTestId('hop-view').textContent()) ?? '')?.[1];
  expect(pod).toBeTruthy();
  await expect(page.locator('.react-flow__node.hop-pod')).toHaveAttribute('data-id', `pod/default/${pod}`);
  await expect(page.locator('.react-flow__edge.route-done').first()).toBeAttached();
  await shot(page, testInfo, 'route-dnat');
});

test('a burst draws the links its requests fan out over', async ({ page }) => {
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-count').fill('20');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('tally')).toBeVisible({ timeout: 15_000 });
  // Three web pods reached: three links into them among the burst's.
  const burst = page.locator('.react-flow__edge.edge-route-burst');
  await expect(burst.first()).toBeAttached();
  expect(await burst.count()).toBeGreaterThanOrEqual(6);
});
