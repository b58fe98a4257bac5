import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { graphReady, setEditorText, shot } from './helpers';

const scenario = readFileSync(new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url), 'utf8');

test('changing a selector empties the endpoints and the request fails with its reason', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  const graph = page.getByTestId('topology');
  await expect(graph).toContainText('3 ready of 3 endpoints');

  // The Service's selector (the second `app: web` under a `selector:`) now matches no pod.
  const edited = scenario.replace(/(kind: Service[\s\S]*?selector:\n\s+app: )web/, '$1webx');
  expect(edited).not.toBe(scenario);
  await setEditorText(page, edited);
  await expect(graph).toContainText('0 ready of 0 endpoints', { timeout: 10_000 });
  await shot(page, testInfo, 'no-endpoints');

  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.keyboard.press('End');
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toBeVisible({ timeout: 15_000 });
  await expect(outcome).toHaveClass(/outcome-bad/);
  await expect(outcome).not.toContainText('Delivered');
  await shot(page, testInfo, 'request-fails');
});
