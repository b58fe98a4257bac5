import { test, expect, type Page } from '@playwright/test';
import { graphReady, pickScenario, shot } from './helpers';

/**
 * A distribution experiment from the console: `curl --count N` with two URLs draws a histogram under the
 * table, the observed count and share beside the rules' expected share for each (numbers, not colour
 * alone), per pod, node or zone, and the engine's verdict for each experiment.
 */
async function experiment(page: Page, line: string) {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  const chart = page.getByTestId('console-entry').last().getByTestId('distribution');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  return chart;
}

test('sticky vs plain: one pod against a third each, side by side', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await pickScenario(page, 'session-affinity');
  await graphReady(page);
  const chart = await experiment(page, 'curl --from pod/client --count 300 http://sticky/ http://plain/');
  await expect(chart).toContainText('1: 300 requests from pod/client to http://sticky/');
  await expect(chart).toContainText('2: 300 requests from pod/client to http://plain/');
  const rows = chart.getByTestId('distribution-row');
  await expect(rows).toHaveCount(3);
  // The sticky column: one pod took all 300 (expected 99.8 %: the first request's third, then the
  // remembered pod); the plain column spreads with a third expected for each.
  const cells = await rows.evaluateAll((groups) =>
    groups.map((g) =>
      [...g.querySelectorAll('[data-testid="distribution-cell"]')].map((td) => td.textContent ?? ''),
    ),
  );
  expect(cells.filter((c) => c[0]!.startsWith('300 (100.0%), expected 99.8%'))).toHaveLength(1);
  for (const c of cells) expect(c[1]).toMatch(/^\d+ \(\d+\.\d%\), expected 33\.3%$/);
  await expect(chart.locator('[data-msg-id]')).toHaveCount(2);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'distribution-sticky-vs-plain');

  // By zone: node-1 and node-2 are zone-a.
  await chart.getByTestId('distribution-by-zone').click();
  await expect(chart.getByTestId('distribution-by-zone')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('zone-a');
  await expect(rows.first().getByTestId('distribution-cell').nth(1)).toContainText('expected 66.7%');
});

test('Local vs Cluster on a node without a pod, in Korean', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: '한국어' }).click();
  await pickScenario(page, 'nodeport-local-vs-cluster');
  await graphReady(page);
  const chart = await experiment(
    page,
    'curl --count 200 -m 1 http://10.0.0.12:30081/ http://10.0.0.12:30080/',
  );
  await expect(chart).toContainText('요청 분포');
  const dropped = chart.getByTestId('distribution-row').filter({ hasText: '(dropped)' });
  await expect(dropped.getByTestId('distribution-cell').nth(0)).toHaveText('0개 (0.0%), 기대 0.0%');
  await expect(dropped.getByTestId('distribution-cell').nth(1)).toHaveText('200개 (100.0%), 기대 100.0%');
  await expect(chart).toContainText('규칙이 각 요청에 갈 곳을 하나만 남겼습니다');
  await chart.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'distribution-local-vs-cluster-ko');
});

test('the histogram fits the console at 1280×720 and opens larger, presenting, in English and Korean', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await pickScenario(page, 'clusterip-three-pods');
  await graphReady(page);
  const chart = await experiment(page, 'curl --from pod/client --count 300 http://web/');
  await expect(chart.getByTestId('distribution-row')).toHaveCount(3);
  // In the console's column: nothing wider than the column (no sideways scrolling to read a number).
  const fits = async () =>
    chart.evaluate((fig) => {
      const column = fig.closest('[data-testid="console-out"]')!.getBoundingClientRect();
      const cells = [...fig.querySelectorAll('[data-testid="distribution-cell"]')].map((c) =>
        c.getBoundingClientRect(),
      );
      const box = fig.getBoundingClientRect();
      return box.right <= column.right + 1 && cells.every((c) => c.right <= column.right + 1 && c.width > 0);
    });
  await expect.poll(fits).toBe(true);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('histogram-console-en.png') });

  // Larger, over the page, by keyboard: the button, Escape back to it.
  await chart.getByTestId('distribution-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('distribution-dialog');
  await expect(dialog).toBeVisible();
  const large = dialog.getByTestId('distribution-large');
  await expect(large.getByTestId('distribution-large-row')).toHaveCount(3);
  const cellBox = await large.getByTestId('distribution-large-cell').first().boundingBox();
  expect(cellBox!.width).toBeGreaterThan(600);
  await page.screenshot({ path: testInfo.outputPath('histogram-dialog-en.png') });
  await large.getByTestId('distribution-large-by-node').click();
  await expect(large.getByTestId('distribution-large-by-node')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(chart.getByTestId('distribution-open')).toBeFocused();
  // Keyboard focus is drawn in the page's one focus colour, on the console's dark background too.
  await expect(chart.getByTestId('distribution-open')).toHaveCSS('outline-color', 'rgb(219, 39, 119)');
  await expect(chart.getByTestId('distribution-open')).toHaveCSS('outline-width', '3px');
  // The choice made in the larger view holds in the console.
  await expect(chart.getByTestId('distribution-by-node')).toHaveAttribute('aria-pressed', 'true');

  // In Korean, presenting from the larger view (the header is out of reach under a modal dialog): the
  // text grows for the back of the room; closing it leaves the page presenting.
  await page.getByRole('button', { name: '한국어' }).click();
  await chart.getByTestId('distribution-open').click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('요청 분포');
  await expect(dialog.getByTestId('distribution-close')).toHaveText('닫기');
  await dialog.getByTestId('distribution-present').click();
  await expect(page.locator('.app.presenting')).toBeAttached();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('distribution-present')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() =>
      large
        .getByTestId('distribution-large-cell')
        .first()
        .evaluate((c) => parseFloat(getComputedStyle(c).fontSize)),
    )
    .toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: testInfo.outputPath('histogram-dialog-presenting-ko.png') });
  await dialog.getByTestId('distribution-close').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.app.presenting')).toBeVisible();
});
