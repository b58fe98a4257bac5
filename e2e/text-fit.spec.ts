import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { clippedIn } from './clipping';
import { graphReady, pickScenario, shot } from './helpers';

// Issue 12: no Korean label clipped at 1280×720 (and 1920×1080) in the console, the inspector (hop, event
// list, an object's card), the timeline bar and the graph's header. Korean words are longer than the
// English ones the layout was first drawn for; each panel must wrap or make room, never cut.

/** A console line, answered (the worker may be slow: its own timeout). */
async function run(page: Page, line: string, expected: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(expected, { timeout: 30_000 });
}

async function expectNothingCut(page: Page, where: string): Promise<void> {
  const panels: [string, string[]][] = [
    ['.console-panel', ['.console-out']],
    ['.side-panel', []],
    ['.topology-panel > .panel-header', []],
    ['form.request-bar', []],
  ];
  if ((await page.getByTestId('timeline').count()) > 0) panels.push(['[data-testid="timeline"]', []]);
  for (const [root, scrollers] of panels)
    expect(await clippedIn(page, root, scrollers), `${where}: ${root}`).toEqual([]);
}

const LANGUAGES = [
  { lang: 'ko', locale: 'ko-KR', send: '보내기', hint: '↑/↓ 이전 명령 · help · clear' },
  { lang: 'en', locale: 'en-US', send: 'Send', hint: '↑/↓ history · help · clear' },
];
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const { lang, locale, send, hint } of LANGUAGES)
  for (const size of SIZES)
    test.describe(() => {
      test.use({ locale });
      test(`${lang} at ${size.width}×${size.height}: console, inspector, timeline and graph header unclipped`, async ({
        page,
      }, testInfo: TestInfo) => {
        test.setTimeout(180_000);
        await page.setViewportSize(size);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto('/');
        await graphReady(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await pickScenario(page, 'clusterip-three-pods');
        await graphReady(page);
        await expect(page.locator('.console-hint')).toHaveText(hint);
        await expectNothingCut(page, 'first screen');

        await page.getByRole('button', { name: send, exact: true }).click();
        await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 30_000 });
        await expectNothingCut(page, 'a hop');
        await page.getByTestId('tab-events').click();
        await expectNothingCut(page, 'the event list');
        await shot(page, testInfo, `${lang}-${size.width}-events`);

        await run(page, 'get svc', 'ClusterIP');
        await expectNothingCut(page, 'console output');

        // A fault on the timeline: the bar appears under the graph.
        await run(page, 'timeline add NodeStopped node-3 --at 10s', 'created');
        await expect(page.getByTestId('timeline')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('timeline-mark')).not.toHaveCount(0, { timeout: 30_000 });
        await page.getByTestId('timeline-next').click();
        await expect(page.getByTestId('timeline-at')).not.toHaveText('t = 0s');
        await expectNothingCut(page, 'the timeline at its event');

        // Enter on the Service: its card in the inspector.
        const service = page.locator('.react-flow__node[data-id="Service/default/web"]');
        await service.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('object-view')).toContainText('Service web');
        await expectNothingCut(page, 'the Service card');
        await shot(page, testInfo, `${lang}-${size.width}`);
      });
    });
