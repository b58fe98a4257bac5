import { test, expect, type Page } from '@playwright/test';
import { editorReady, graphReady, setEditorText, shot } from './helpers';

const tabs = (page: Page) => page.getByTestId('file-tab');

/** Runs a console line and returns its output. */
async function run(page: Page, line: string): Promise<string> {
  const entries = page.getByTestId('console-entry');
  const before = await entries.count();
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 15_000 });
  const out = entries.last().locator('pre').first();
  await expect(out).not.toBeEmpty({ timeout: 15_000 });
  return (await out.textContent()) ?? '';
}

// The env lesson's scene is two files, two kubectl applies: client.yaml (the pod starts) then web.yaml
// (Service web). The page applies them apart, so the creation-order trap shows as on a cluster.
test('a lesson scene of two files opens as two tabs, applied in their order', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByTestId('lesson-item-env').click();
  await expect(tabs(page)).toHaveText(['1client.yaml', '2web.yaml']);
  await expect(tabs(page).first()).toHaveAttribute('aria-selected', 'true');
  await editorReady(page);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: Pod');
  await expect(page.getByTestId('topology')).toContainText('web', { timeout: 20_000 });

  const env = await run(page, 'exec client -- env');
  expect(env).toContain('KUBERNETES_SERVICE_HOST');
  expect(env).not.toContain('WEB_SERVICE_HOST');
  await shot(page, testInfo, 'env-two-files');

  // web.yaml applied first: the Service exists when the client pod starts.
  await tabs(page).nth(1).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: Service');
  await page.getByTestId('file-menu').click();
  await page.getByRole('menuitem', { name: 'Apply this file earlier' }).click();
  await expect(tabs(page)).toHaveText(['1web.yaml', '2client.yaml']);
  await expect.poll(() => run(page, 'exec client -- env'), { timeout: 20_000 }).toContain('WEB_SERVICE_HOST');

  // Arrow keys move between the tabs.
  await tabs(page).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs(page).nth(1)).toBeFocused();
  await expect(tabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('a file added to a scene is kept, with its name and order, across a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);
  await page.getByTestId('file-add').click();
  await expect(tabs(page)).toHaveText(['1scene.yaml', '2file-2.yaml']);
  await expect(tabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  const extra = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: extra',
    'spec:',
    '  selector: { app: web }',
    '  ports: [{ port: 8080, targetPort: 80 }]',
    '',
  ].join('\n');
  await setEditorText(page, extra);
  await expect(page.getByTestId('topology')).toContainText('extra', { timeout: 20_000 });

  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-rename-start').click();
  await page.getByTestId('file-rename').fill('scene.yaml');
  await page.getByTestId('file-rename').press('Enter');
  await expect(page.getByText('Another file has that name.')).toBeVisible();
  await page.getByTestId('file-rename').fill('extra.yaml');
  await page.getByTestId('file-rename').press('Enter');
  await expect(tabs(page)).toHaveText(['1scene.yaml', '2extra.yaml']);

  await page.reload();
  await editorReady(page);
  await expect(tabs(page)).toHaveText(['1scene.yaml', '2extra.yaml']);
  await expect(tabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('name: extra');
  await expect(page.getByTestId('topology')).toContainText('extra', { timeout: 20_000 });

  // Removing a file asks first when it has YAML.
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-remove').click();
  await expect(tabs(page)).toHaveText(['scene.yaml']);
  await expect(page.getByTestId('topology')).not.toContainText('extra', { timeout: 20_000 });
});
