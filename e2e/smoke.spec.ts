import { test, expect } from '@playwright/test';

test('the built page opens in Chromium', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'svclab', level: 1 })).toBeVisible();
  await expect(page.getByTestId('scenario-menu')).toBeVisible();
});

// Cold load (issue 17): the engine's worker is made by the head's first script, a classic one the parser
// runs before the page's module scripts have arrived, and the page takes that one worker (none is left
// behind, and none is made twice). The CSP meta still comes first, so the script runs under it.
test("the engine's worker comes from the head's early script, and the page takes it", async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible({
    timeout: 30_000,
  });
  const early = await page.evaluate(() => {
    const first = document.head.firstElementChild;
    const script = first?.nextElementSibling;
    return {
      cspFirst: first?.getAttribute('http-equiv'),
      classic: script instanceof HTMLScriptElement && !script.type && !script.async && !script.defer,
      src: script?.getAttribute('src'),
      left: '__svclabEngineWorker' in globalThis,
    };
  });
  expect(early).toMatchObject({ cspFirst: 'Content-Security-Policy', classic: true, left: false });
  expect(early.src).toMatch(/^\/assets\/early-worker-[0-9a-f]{8}\.js$/);
  expect(workers.filter((u) => /engine\.worker-/.test(u))).toHaveLength(1);
});

// Cold load (issue 17): the preview server sends the gzip file written at build time, as a static host
// would, rather than compressing each response as it goes; without gzip in Accept-Encoding, the plain file.
test('the built files are served precompressed', async ({ page, request }) => {
  await page.goto('/');
  const entry = await page.locator('script[type="module"]').first().getAttribute('src');
  expect(entry).toBeTruthy();
  const zipped = await request.get(entry!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(zipped.headers()['content-encoding']).toBe('gzip');
  expect(zipped.headers()['content-type']).toMatch(/javascript/);
  expect(zipped.headers()['vary']).toMatch(/Accept-Encoding/);
  const plain = await request.get(entry!, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  // Both are the same script (Playwright's request decodes the gzip body).
  expect(await zipped.text()).toBe(await plain.text());
});

// Cold load (issue 17): the tab's icon is given once the first graph is drawn (app/tab-icon.ts); until
// then the page declares an empty one, so nothing is fetched for it while the graph is being drawn. The
// engine's script is held back first, so the page has loaded and has no graph yet.
test("the tab's icon comes after the first graph, and is served", async ({ page, request }) => {
  const icons: string[] = [];
  page.on('request', (r) => {
    if (/favicon/.test(r.url())) icons.push(r.url());
  });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/engine\.worker-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-testid="topology"] .react-flow__node')).toHaveCount(0);
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('data:,');
  expect(icons).toEqual([]);
  release();
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  await expect.poll(() => icons.filter((u) => u.endsWith('/favicon.svg')).length).toBeGreaterThan(0);
  expect(icons.filter((u) => /favicon\.ico/.test(u))).toHaveLength(0);
});
