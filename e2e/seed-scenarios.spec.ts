import { test, expect, type Page } from '@playwright/test';
import { graphReady, pickScenario, shot } from './helpers';

/** Loads a scenario from the menu and sends its suggested request once the target is filled in. */
async function sendSuggested(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await graphReady(page);
  await pickScenario(page, id);
  // The suggested target's placeholders ({nodeIP:…}, {lb:…}) are filled from the built cluster.
  await expect(page.getByTestId('request-to')).toHaveValue(/^http:\/\/\d+\.\d+\.\d+\.\d+(:\d+)?\/$/, {
    timeout: 15_000,
  });
  await page.getByRole('button', { name: 'Send' }).click();
}

test('hostPort vs NodePort: the hostPort on the pod’s node reaches the pod, client IP kept', async ({
  page,
}, testInfo) => {
  await sendSuggested(page, 'hostport-vs-nodeport');
  await expect(page.getByTestId('request-to')).toHaveValue('http://10.0.0.12:8080/');
  await expect(page.getByTestId('outcome')).toContainText('Delivered', { timeout: 15_000 });
  await expect(page.getByTestId('explanation')).toContainText('through hostPort 8080/TCP on node-2');
  await expect(page.getByTestId('explanation')).toContainText('The client address 203.0.113.10 is preserved');
  await shot(page, testInfo, 'hostport');
});

test('NLB IP mode: straight to a pod, which sees the load balancer’s address', async ({ page }, testInfo) => {
  await sendSuggested(page, 'loadbalancer-ip-mode');
  await expect(page.getByTestId('outcome')).toContainText('Delivered', { timeout: 15_000 });
  await expect(page.getByTestId('explanation')).toContainText("The backend sees the load balancer's address");
  await shot(page, testInfo, 'ip-mode');
});

test('client IP and keep-alive: ten kept-alive requests land on one pod', async ({ page }, testInfo) => {
  await sendSuggested(page, 'client-ip-and-keepalive');
  const tally = page.getByTestId('tally');
  await expect(tally).toBeVisible({ timeout: 15_000 });
  // The tally counts requests as they arrive; End jumps to the end state of the burst.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await expect(page.getByTestId('tally-arrived')).toHaveText('10 of 10 arrived');
  await expect(tally.locator('.tally-row')).toHaveCount(1);
  await shot(page, testInfo, 'keepalive');
});
