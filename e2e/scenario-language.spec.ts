import { test, expect, type Page } from '@playwright/test';
import { editorReady, pickScenario, shot } from './helpers';

/** The editor's first line as shown (Monaco renders lines out of order and spaces as U+00A0). */
const firstLine = (page: Page) =>
  page.locator('[data-testid="yaml-editor"] .view-line').evaluateAll((lines) =>
    (lines as HTMLElement[])
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .at(0),
  );

test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });

test('a scenario opens with its comments in the page’s language', async ({ page }, testInfo) => {
  await page.goto('/');
  await editorReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  await pickScenario(page, 'readiness');
  await expect.poll(() => firstLine(page)).toBe('# 준비성: Ready가 아닌 파드는 엔드포인트가 아닙니다');
  await shot(page, testInfo, 'readiness-ko');

  // Switching the language leaves the scene as it is; the next scenario opens in English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect.poll(() => firstLine(page)).toBe('# 준비성: Ready가 아닌 파드는 엔드포인트가 아닙니다');
  await pickScenario(page, 'session-affinity');
  await expect.poll(() => firstLine(page)).toBe('# Session affinity: ClientIP');
});
