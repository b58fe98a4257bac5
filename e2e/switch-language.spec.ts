import { test, expect } from '@playwright/test';
import { shot } from './helpers';

test('the page switches to Korean and remembers it', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '보내기' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '클러스터' })).toBeVisible();
  await expect(page.getByRole('button', { name: '발표 모드' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await shot(page, testInfo, 'korean');
  await page.reload();
  await expect(page.getByRole('button', { name: '보내기' })).toBeVisible();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});
