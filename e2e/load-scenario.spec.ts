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
  await graph.locator('.react-flow__node', { hasText: 'echo-local' }).click();
  await expect(page.locator('.monaco-editor .yaml-selected').first()).toBeVisible();
  await shot(page, testInfo, 'service-selected');
});
