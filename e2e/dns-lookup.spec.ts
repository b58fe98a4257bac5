import { test, expect } from '@playwright/test';
import { graphReady, pickScenario, shot } from './helpers';

test('a DNS lookup from the bar plays its query through kube-proxy to CoreDNS, and shows nslookup’s answer', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  // The scenario suggests a lookup of "cache" from the pod "early".
  await pickScenario(page, 'dns-and-env');
  await expect(page.getByLabel('Protocol')).toHaveValue('dns');
  await page.getByRole('button', { name: 'Send' }).click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 15_000 });

  // Pause, go back to the start, and step through the query hop by hop.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Step back' }).click();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
  await expect(counter).toContainText(/Hop 1 of (\d+)/);
  const total = Number(/of (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(4);
  let sawDnat = false;
  for (let i = 2; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(counter).toContainText(`Hop ${i} of ${total}`);
    const text = (await page.getByTestId('hop-view').textContent()) ?? '';
    if (text.includes('DNAT') && text.includes('kube-dns')) sawDnat = true;
  }
  expect(sawDnat).toBe(true);
  await expect(page.getByTestId('outcome')).toContainText('Delivered');
  await expect(page.getByTestId('lookup-output')).toContainText('Name:\tcache.default.svc.cluster.local');
  await shot(page, testInfo, 'dns-lookup');
});
