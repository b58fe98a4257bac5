import { test, expect } from '@playwright/test';
import { editorReady, graphReady, pickScenario, shot } from './helpers';

test('a student loads a scenario and sees its YAML and its cluster', async ({ page }, testInfo) => {
  await page.goto('/');
  await editorReady(page);
  await pickScenario(page, 'nodeport-local-vs-cluster');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(
    'NodePort: externalTrafficPolicy Local',
  );
  await graphReady(page);
  const graph = page.getByTestId('topology');
  await expect(graph).toContainText('echo-local');
  await expect(graph).toContainText('echo-cluster');
  await expect(graph).toContainText('node-1');
  await expect(graph).toContainText('zone-b');
  await shot(page, testInfo, 'nodeport-scenario');

  // Selecting a Service reveals its YAML lines.
  await graph.locator('.react-flow__node-service', { hasText: 'echo-local' }).click();
  await expect(page.locator('.monaco-editor .yaml-selected').first()).toBeVisible();
  await shot(page, testInfo, 'service-selected');
});

test('a scenario’s suggested target is the address the cluster allocated', async ({ page }) => {
  await page.goto('/');
  await graphReady(page);
  await pickScenario(page, 'loadbalancer');
  const lb = page.locator('[data-testid="topology"] .g-lb .g-mono');
  await expect(lb).toHaveText(/^\d+\.\d+\.\d+\.\d+$/, { timeout: 10_000 });
  const ip = (await lb.textContent())!.trim();
  await expect(page.getByTestId('request-to')).toHaveValue(`http://${ip}/`);
});
