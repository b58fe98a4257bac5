import { test, expect } from '@playwright/test';
import { editorReady, graphReady, shot } from './helpers';

test('kubectl scale in the console edits the YAML and the graph follows', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);
  const lines = page.locator('[data-testid="yaml-editor"] .view-lines');
  const webPods = page.locator('[data-testid="topology"] .g-pod .g-title[title^="default/web-"]');
  await expect(lines).toContainText('replicas: 3');
  await expect(webPods).toHaveCount(3, { timeout: 10_000 });

  const input = page.getByTestId('console-input');
  await input.fill('kubectl scale deployment web --replicas=5');
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText('deployment.apps/web scaled', {
    timeout: 10_000,
  });
  await expect(lines).toContainText('replicas: 5');
  await expect(webPods).toHaveCount(5, { timeout: 10_000 });
  await shot(page, testInfo, 'scaled-to-5');

  // kubectl's own error, and the text untouched.
  await input.fill('scale deployment nope --replicas=2');
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(
    'Error from server (NotFound): deployments.apps "nope" not found',
    { timeout: 10_000 },
  );
  await expect(lines).toContainText('replicas: 5');
});
