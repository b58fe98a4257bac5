import { test, expect, type Browser, type Page } from '@playwright/test';
import { editorReady, graphReady, setEditorText, shot } from './helpers';

const tabs = (page: Page) => page.getByTestId('file-tab');
const editorText = (page: Page) => page.locator('[data-testid="yaml-editor"] .view-lines');

/** Clicks Share and reads the link it copied. */
async function share(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('share').click();
  await page.getByTestId('share-link').click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#scene=1\.[A-Za-z0-9_-]+$/);
  return url;
}

/** A browser with nothing saved in it (another student's). */
async function fresh(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await editorReady(page);
  return page;
}

test('share a scene of two files with a hop selected; a fresh browser opens the same scene at the same hop', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByTestId('file-add').click();
  await setEditorText(page, '# a second file\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n');
  await expect(tabs(page)).toHaveCount(2);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 15_000 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(counter).toContainText(/Hop 4 of \d+/);
  const hop = (await counter.textContent()) ?? '';
  const url = await share(page);
  await shot(page, testInfo, 'shared');

  const other = await fresh(browser, url);
  await expect(other.getByTestId('link-notice')).toContainText('Opened from a link as a new workspace');
  await expect(tabs(other)).toHaveText(['1scene.yaml', '2file-2.yaml']);
  await expect(editorText(other)).toContainText('a second file');
  await expect(other.getByTestId('request-to')).toHaveValue('http://web');
  await expect(other.getByTestId('hop-counter')).toHaveText(hop, { timeout: 30_000 });
  // The address no longer carries the link: a reload comes back to the work.
  expect(other.url()).not.toContain('#scene=');
  await shot(other, testInfo, 'opened');

  // The same link again: back to its workspace as the student left it, no second copy.
  await setEditorText(
    other,
    '# the student worked on it\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n',
  );
  await other.getByTestId('workspace-menu').click();
  await other.getByTestId('workspace-new').click();
  await other.goto(url);
  await editorReady(other);
  await expect(other.getByTestId('link-notice')).toContainText('You opened this link before');
  await expect(editorText(other)).toContainText('the student worked on it');
  await other.getByTestId('workspace-menu').click();
  await expect(other.getByTestId('workspace-row')).toHaveCount(2);
  await other.context().close();
});

test('share a lesson page; a fresh browser opens the lesson at that page (readable deep link too)', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?lesson=clusterip&step=3');
  await editorReady(page);
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toContainText('Step 3 of 4', { timeout: 20_000 });
  expect(page.url()).not.toContain('lesson=');
  const url = await share(page);
  const other = await fresh(browser, url);
  const otherPanel = other.getByTestId('lesson-panel');
  await expect(otherPanel.getByTestId('lesson-title')).toHaveText('ClusterIP and selectors', {
    timeout: 20_000,
  });
  await expect(otherPanel).toContainText('Step 3 of 4');
  await other.context().close();
});

test('a link that cannot be read says why and loses nothing: cut off, newer, garbage, 5 MB', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, '# precious work\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: keep\n');
  await page.getByTestId('file-add').click();
  const good = await share(page);
  const payload = good.split('#scene=')[1]!;
  const cases: [string, RegExp][] = [
    [`scene=${payload.slice(0, payload.length / 2)}`, /damaged or cut off/],
    [`scene=7.${payload.slice(2)}`, /newer svclab \(link version 7\)/],
    ['scene=1.%%%%not-a-link', /damaged or cut off/],
    ['scene=hello', /damaged or cut off/],
  ];
  for (const [hash, message] of cases) {
    await page.goto(`/#${hash}`);
    await editorReady(page);
    const notice = page.getByTestId('link-notice');
    await expect(notice, hash.slice(0, 20)).toContainText(message);
    await expect(notice).toContainText('Nothing was changed');
    await expect(tabs(page)).toHaveCount(2);
    await tabs(page).first().click();
    await expect(editorText(page)).toContainText('precious work');
  }
  // 5 MB: more than a browser keeps in its address bar, so it comes as a hash change to the open page.
  await page.evaluate(() => {
    location.hash = `scene=1.${'A'.repeat(5 * 1024 * 1024)}`;
  });
  await expect(page.getByTestId('link-notice')).toContainText(/larger than svclab reads|damaged/);
  await tabs(page).first().click();
  await expect(editorText(page)).toContainText('precious work');
  await page.getByTestId('workspace-menu').click();
  await expect(page.getByTestId('workspace-row')).toHaveCount(1);
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('a damaged link is explained in Korean', async ({ page }) => {
    await page.goto('/#scene=1.AAAA');
    await editorReady(page);
    await expect(page.getByTestId('link-notice')).toContainText('링크가 손상되었거나 중간에 잘려서');
    await expect(page.getByTestId('link-notice')).toContainText('작업 공간은 모두 그대로입니다');
  });
});
