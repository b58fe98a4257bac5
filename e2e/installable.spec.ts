/**
 * Issue 14: installable and offline. After one visit the service worker (Workbox, vite.config.ts) holds
 * the whole build: with the network gone the page reloads, the engine builds and a request is sent. A
 * newer svclab's worker waits and the page offers to reload into it, saving the user's work first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { graphReady, setEditorText, shot } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Waits until this origin's service worker is active: its precache (the whole build) is complete. */
async function workerActive(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return r?.active?.state ?? 'none';
        }),
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBe('activated');
}

async function sendRequest(page: Page) {
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await expect(async () => {
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
}

test('the web app manifest names svclab, its colour and its icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.short_name).toBe('svclab');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  expect(pngs.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of pngs) {
    const body = await (await request.get(icon.src)).body();
    // A PNG whose IHDR says the size the manifest says.
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
  }
});

test('after one visit the page, the engine and a request work with the network gone', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await graphReady(page);
  await workerActive(page);

  // The network is gone: offline, and any request that still reaches it fails.
  const reachedNetwork: string[] = [];
  await context.route('**/*', (route) => {
    reachedNetwork.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);

  await page.reload();
  await graphReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await sendRequest(page);
  await shot(page, testInfo, 'offline-request');
  // Everything came from the worker's cache: the page's scripts, the engine's worker, the graph.
  expect(reachedNetwork.filter((u) => !u.endsWith('/sw.js'))).toEqual([]);
});

/** The service worker `vite preview` serves (it reads dist/ on every request). */
const SW = join(process.cwd(), 'dist', 'sw.js');

test('a new version waits and the page offers to reload into it, the edit kept', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await graphReady(page);
  await workerActive(page);
  await page.reload();
  await graphReady(page);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);

  // A newer svclab is deployed: the server's service worker differs (as a new build's precache list
  // does). Playwright cannot route the browser's own update check, so the file itself changes, and with
  // it the gzip copy the build writes beside it (the server sends that one to the browser).
  const deployed = readFileSync(SW, 'utf8');
  const deployedGz = readFileSync(`${SW}.gz`);
  const next = `${deployed}\n// the next version\n`;
  writeFileSync(SW, next);
  writeFileSync(`${SW}.gz`, gzipSync(next));
  try {
    await updateAndReload(page, testInfo);
  } finally {
    writeFileSync(SW, deployed);
    writeFileSync(`${SW}.gz`, deployedGz);
  }
});

async function updateAndReload(page: Page, testInfo: TestInfo) {
  await setEditorText(
    page,
    '# kept across the update\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept\n',
  );
  await expect(async () => {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId('update-notice')).toContainText('A new version of svclab is ready');
  await shot(page, testInfo, 'update-ready');

  await Promise.all([
    page.waitForEvent('framenavigated', { timeout: 60_000 }),
    page.getByTestId('update-reload').click(),
  ]);
  await graphReady(page);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  // The new worker controls the page, and the edit made just before is there.
  expect(
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r?.waiting === null && r?.active?.state === 'activated';
    }),
  ).toBe(true);
  await expect(page.locator('[data-testid="yaml-editor"]')).toContainText('kept across the update', {
    timeout: 30_000,
  });
}
