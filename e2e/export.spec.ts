import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { graphReady, shot } from './helpers';

/** Chooses an entry of Share ▾ and returns the file it downloaded, with its name. */
async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('share').click();
  const saved = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId(`share-${item}`).click();
  const file = await saved;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** A PNG's width and height, from its IHDR chunk (after the 8-byte signature and the chunk's head). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Sends the request bar's request and waits until the inspector follows it. */
async function send(page: Page, button: string, counterText: RegExp): Promise<void> {
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('hop-counter')).toContainText(counterText, { timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  // Without the save dialog (other browsers), every export is a download the test can read.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
});

test('export for teaching: the graph as PNG and SVG, the trace as Markdown and JSON, the console as text', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await graphReady(page);

  // Nothing sent and nothing run yet: those entries say why instead of saving an empty file.
  await page.getByTestId('share').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await shot(page, testInfo, 'share-menu-en');
  // aria-disabled: Playwright would wait for them to be enabled; a user's click reaches them.
  await page.getByTestId('share-traceMd').click({ force: true });
  await expect(page.getByTestId('share-status')).toContainText('Send a request first');
  await page.getByTestId('share').click();
  await page.getByTestId('share-console').click({ force: true });
  await expect(page.getByTestId('share-status')).toContainText('Run a command in the console first');

  // The graph, whatever the zoom: PNG at twice the SVG's size, not blank; the SVG names every pod.
  const pods = await page
    .locator('[data-testid="topology"] .react-flow__node .g-title')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? '').filter((t) => /^default\//.test(t)));
  expect(pods.length).toBeGreaterThanOrEqual(4);
  await page.locator('[data-testid="topology"] .react-flow__controls-zoomin').click();
  const png = await exportFile(page, 'graphPng');
  expect(png.name).toMatch(/-graph\.png$/);
  const size = pngSize(png.bytes);
  const svg = await exportFile(page, 'graphSvg');
  expect(svg.name).toMatch(/-graph\.svg$/);
  // Kept beside the test's screenshots, for a person to look at.
  await writeFile(testInfo.outputPath(png.name), png.bytes);
  await writeFile(testInfo.outputPath(svg.name), svg.bytes);
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg /);
  const svgWidth = Number(/<svg [^>]*width="(\d+)"/.exec(svgText)?.[1]);
  const svgHeight = Number(/<svg [^>]*height="(\d+)"/.exec(svgText)?.[1]);
  expect(size).toEqual({ width: 2 * svgWidth, height: 2 * svgHeight });
  // The whole graph (three node boxes one above another), not the part on screen.
  expect(svgHeight).toBeGreaterThan(500);
  for (const pod of pods) expect(svgText).toContain(pod);
  expect(svgText).toContain('kube-proxy');
  expect(svgText).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  // Not a blank canvas: a good share of its pixels are drawn (boxes, text, links).
  const inked = await page.evaluate(async (b64) => {
    // Decoded here (the page's CSP allows no fetch of a data: URL).
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 384) dark++;
    return dark / (img.width * img.height);
  }, png.bytes.toString('base64'));
  expect(inked).toBeGreaterThan(0.005);

  // A request: its JSON is curl -o json's shape; its Markdown has every hop and every hop's rule.
  await send(page, 'Send', /Hop \d+ of \d+/);
  const json = JSON.parse((await exportFile(page, 'traceJson')).bytes.toString('utf8'));
  expect(json.outcome).toBe('delivered');
  expect(typeof json.explanation).toBe('string');
  expect(json.explanationMsg.id).toMatch(/^sim\./);
  expect(json.backend.pod).toMatch(/^default\/web-/);
  const hops = json.hops as { stage: string; location: string; rule?: string; packet: { dst: string } }[];
  expect(hops.length).toBeGreaterThan(5);
  for (const h of hops)
    expect(Object.keys(h)).toEqual(expect.arrayContaining(['stage', 'location', 'action']));
  const md = (await exportFile(page, 'traceMd')).bytes.toString('utf8');
  expect(md.split('\n').filter((l) => l.startsWith('## '))).toHaveLength(hops.length);
  const ruled = hops.filter((h) => h.rule);
  expect(ruled.length).toBeGreaterThan(0);
  for (const h of ruled) expect(md).toContain(`\n${h.rule}\n`);
  expect(md).toContain(`**Delivered** — `);
  expect(md).toContain(json.backend.pod);

  // The console's screen as a terminal transcript.
  const input = page.getByTestId('console-input');
  await input.fill('get svc');
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText('CLUSTER-IP', { timeout: 30_000 });
  await input.fill('get pods nope');
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText('NotFound', { timeout: 30_000 });
  const transcript = (await exportFile(page, 'console')).bytes.toString('utf8');
  expect(transcript).toMatch(/^# svclab console transcript\n\n\$ get svc\nNAME\s+TYPE\s+CLUSTER-IP/);
  expect(transcript).toMatch(/\$ get pods nope\n.*NotFound.*\n# exit status 1\n$/);
  await expect(page.getByTestId('share-status')).toContainText(/Saved .*-console\.txt/);
  await shot(page, testInfo, 'exported');
});

test('the Share menu by keyboard, and the trace exported in Korean', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await graphReady(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await send(page, '보내기', /\d+/);

  const share = page.getByTestId('share');
  await share.focus();
  await page.keyboard.press('ArrowDown');
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(6);
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveText('이 장면 링크 복사');
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await shot(page, testInfo, 'share-menu-ko');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(share).toBeFocused();

  // Enter on the fourth entry (요청 경로 Markdown) saves the Korean handout.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('share-traceMd')).toBeFocused();
  const saved = page.waitForEvent('download', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  const md = (await readFile(await (await saved).path())).toString('utf8');
  expect(md).toMatch(/^# svclab: 요청을 홉 단위로 따라가기\n/);
  expect(md).toContain('**전달됨** — ');
  expect(md).toContain('- 출발지: ');
  expect(md).toMatch(/node-\d의 iptables-save/);
  await expect(page.getByTestId('share-status')).toContainText('파일을 저장했습니다');
});
