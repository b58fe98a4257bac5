#!/usr/bin/env node
/**
 * Screenshots for a human to look at (not a test): every scenario at 1280×720 and 1920×1080, with its
 * suggested request sent and the inspector stopped on the most telling hop (a NAT rewrite, a drop, or
 * the last hop). Run `npx vite build` first; `node scripts/ui-screens.mjs [OUT_DIR] [scenario-id…]`.
 * `vite preview` is started by its own binary and stopped by its PID.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const PORT = Number(process.env.SVCLAB_SCREENS_PORT ?? 4181);
const BASE = `http://127.0.0.1:${PORT}`;
const [outArg, ...only] = process.argv.slice(2);
const out = outArg ?? '/tmp/svclab-screens';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 720, presenting: true },
];
const SCENARIOS = [
  'clusterip-three-pods',
  'nodeport-local-vs-cluster',
  'headless-vs-normal',
  'loadbalancer',
  'session-affinity',
  'readiness',
  'ingress',
  'dns-and-env',
  'externalname',
  'ipvs-scheduler-myth',
  'hostport-vs-nodeport',
  'loadbalancer-ip-mode',
  'client-ip-and-keepalive',
];

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

/** Steps back to hop 1, then forward to the first DNAT/SNAT/drop/reject hop (or the last hop). */
async function stopOnTellingHop(page) {
  const counter = page.getByTestId('hop-counter');
  if (!(await counter.isVisible())) return;
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 30; i++) {
    const text = (await page.getByTestId('hop-view').textContent()) ?? '';
    if (/DNAT|SNAT|DROP|REJECT/.test(text)) return;
    const before = await counter.textContent();
    await page.keyboard.press('ArrowRight');
    if ((await counter.textContent()) === before) return;
  }
}

/** The README's picture: ClusterIP, the request's own DNAT hop (after its DNS lookup), 1280×720. */
async function docShot(browser, path) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await ctx.newPage();
  await page.goto(BASE);
  await page.locator('[data-testid="topology"] .react-flow__node').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('scenario-menu').selectOption('clusterip-three-pods');
  await page.waitForTimeout(500);
  await page.locator('form.request-bar button[type="submit"]').click();
  await page.getByTestId('hop-counter').waitFor();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 30; i++) {
    const text = (await page.getByTestId('hop-view').textContent()) ?? '';
    if (/DNAT/.test(text) && !/DNS lookup/.test(text)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path });
  await ctx.close();
}

async function main() {
  mkdirSync(out, { recursive: true });
  const server = spawn(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT)],
    { cwd: root, stdio: 'ignore' },
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer(BASE);
    if (process.env.SCREEN_DOC) return await docShot(browser, process.env.SCREEN_DOC);
    for (const size of SIZES) {
      const viewport = { width: size.width, height: size.height };
      const ctx = await browser.newContext({ viewport, locale: process.env.SCREEN_LOCALE ?? 'en-US' });
      const page = await ctx.newPage();
      await page.goto(BASE);
      await page.locator('[data-testid="topology"] .react-flow__node').first().waitFor({ timeout: 30_000 });
      if (size.presenting) await page.locator('.present-toggle').click();
      const suffix = `${size.width}${size.presenting ? '-present' : ''}`;
      for (const id of SCENARIOS.filter((s) => !only.length || only.includes(s))) {
        await page.getByTestId('scenario-menu').selectOption(id);
        await page.waitForTimeout(400);
        await page.locator('form.request-bar button[type="submit"]').click();
        await page.waitForTimeout(2500);
        await stopOnTellingHop(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(out, `${id}-${suffix}.png`) });
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
