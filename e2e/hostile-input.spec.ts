import { test, expect } from '@playwright/test';
import { graphReady, setEditorText, shot } from './helpers';

test('malformed YAML shows an error, keeps the last good graph and the work', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n spec: [unclosed\n';
  await setEditorText(page, broken);
  await expect(page.getByTestId('broken-banner')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.topology-panel')).toHaveClass(/stale/);
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible();
  await shot(page, testInfo, 'malformed');
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('[unclosed', { timeout: 20_000 });
});

test('an alias bomb is refused with an error and the page stays responsive', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const p = String.fromCharCode(96 + i);
    const n = String.fromCharCode(97 + i);
    levels.push(`${n}: &${n} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`);
  }
  await setEditorText(page, levels.join('\n') + '\n');
  await expect(page.getByTestId('broken-banner')).toBeVisible({ timeout: 15_000 });
  await shot(page, testInfo, 'alias-bomb');
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '보내기' })).toBeVisible();
});
