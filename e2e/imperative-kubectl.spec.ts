import { test, expect } from '@playwright/test';
import { editorReady, focusEditor, graphReady, shot } from './helpers';

test('kubectl scale in the console edits the YAML and the graph follows', async ({ page }, testInfo) => {
  // A tall editor: the replicas line (line 15 of scene.yaml) is at the fold at 1280×720.
  await page.setViewportSize({ width: 1920, height: 1080 });
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

// A tall editor, so the deployment's replicas line shows in it at the top of scene.yaml.
test.describe(() => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('Ctrl+Z in the editor takes back a console edit, also in a file whose tab was not shown', async ({
    page,
  }) => {
    await page.goto('/');
    await graphReady(page);
    await editorReady(page);
    const lines = page.locator('[data-testid="yaml-editor"] .view-lines');
    const tabs = page.getByTestId('file-tab');
    const input = page.getByTestId('console-input');
    await expect(lines).toContainText('replicas: 3');

    // The edited file is shown: the console's edit, then Ctrl+Z in the editor.
    await input.fill('kubectl scale deploy web --replicas=5');
    await input.press('Enter');
    await expect(page.getByTestId('console-entry').last()).toContainText('deployment.apps/web scaled', {
      timeout: 10_000,
    });
    await expect(lines).toContainText('replicas: 5');
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+Z');
    // Undo puts the cursor where the edit was; the deployment's lines are at the top of the file.
    await page.keyboard.press('ControlOrMeta+Home');
    await expect(lines).toContainText('replicas: 3');
    await expect(lines).not.toContainText('replicas: 5');

    // Another file is shown while the console edits scene.yaml; its tab brings the edit, Ctrl+Z undoes it.
    await page.getByTestId('file-add').click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await input.fill('kubectl scale deploy web --replicas=4');
    await input.press('Enter');
    await expect(page.getByTestId('console-entry').last()).toContainText('deployment.apps/web scaled', {
      timeout: 10_000,
    });
    await tabs.first().click();
    await expect(lines).toContainText('replicas: 4');
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+Z');
    // Undo puts the cursor where the edit was; the deployment's lines are at the top of the file.
    await page.keyboard.press('ControlOrMeta+Home');
    await expect(lines).toContainText('replicas: 3');
    // The store follows the editor: the engine's scene is back to three replicas.
    await input.fill('get deploy web');
    await input.press('Enter');
    await expect(page.getByTestId('console-entry').last()).toContainText('3/3', { timeout: 10_000 });
  });
});
