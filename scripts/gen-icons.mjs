#!/usr/bin/env node
/**
 * The installed app's icons (issue 14), drawn from our own public/favicon.svg by Chromium and kept in
 * public/ (the web app manifest in vite.config.ts names them): 192 and 512 px as the SVG draws them
 * (rounded corners, transparent outside), a 512 px maskable one (full-bleed blue, the drawing inside the
 * central 80 % a launcher's mask always keeps), and the 180 px Apple touch icon (full-bleed: iOS rounds
 * it itself). Run again after changing the SVG: `node scripts/gen-icons.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const pub = join(new URL('..', import.meta.url).pathname, 'public');
const svg = readFileSync(join(pub, 'favicon.svg'), 'utf8');
const BLUE = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#326ce5';

/** [file, size, how much of the square the drawing takes, background behind it] */
const ICONS = [
  ['icon-192.png', 192, 1, 'transparent'],
  ['icon-512.png', 512, 1, 'transparent'],
  ['icon-maskable-512.png', 512, 0.8, BLUE],
  ['apple-touch-icon.png', 180, 0.9, BLUE],
];

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  for (const [file, size, scale, background] of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const side = Math.round(size * scale);
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;` +
        `background:${background}">` +
        svg.replace('<svg ', `<svg width="${side}" height="${side}" `) +
        `</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: background === 'transparent' });
    writeFileSync(join(pub, file), png);
    console.log(`public/${file} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
