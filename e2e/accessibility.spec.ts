import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { graphReady } from './helpers';

/** The violations axe counts as serious or critical on the page as it stands (WCAG 2.x A and AA rules). */
async function serious(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's own hidden textarea and view lines are outside what svclab renders.
    .exclude('.monaco-editor')
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility scan (axe): no serious or critical violation', () => {
  test.setTimeout(120_000);

  test('the main screen, after a request, on the event list, with a lesson, presenting, in Korean', async ({
    page,
  }) => {
    await page.goto('/');
    await graphReady(page);
    expect(await serious(page), 'main screen').toEqual([]);

    await page.getByTestId('request-from').selectOption('pod/default/client');
    await page.getByTestId('request-count').fill('3');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 15_000 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await expect(page.getByTestId('outcome')).toBeVisible();
    expect(await serious(page), 'inspector after a request').toEqual([]);

    await page.getByTestId('tab-events').click();
    await expect(page.getByTestId('event-list')).toBeVisible();
    expect(await serious(page), 'event list').toEqual([]);

    await page.getByTestId('side-tab-lesson').click();
    await page.getByTestId('lesson-item-clusterip').click();
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    expect(await serious(page), 'lesson').toEqual([]);

    await page.getByRole('button', { name: 'Present' }).click();
    expect(await serious(page), 'presenter mode').toEqual([]);

    await page.getByRole('button', { name: '한국어' }).click();
    expect(await serious(page), 'Korean').toEqual([]);
  });
});
