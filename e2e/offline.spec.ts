import { test, expect } from '@playwright/test';
import { editorReady, focusEditor, shot } from './helpers';

test('the app makes no request to another host', async ({ page, baseURL }, testInfo) => {
  const own = new URL(baseURL!).host;
  const foreign: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.host !== own) {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto('/');
  await editorReady(page);
  // Exercise schema completion and hover, the usual places a schema or font would be fetched.
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('---\nkind: Serv');
  await page.keyboard.press('Control+Space');
  await page.waitForTimeout(1500);
  await shot(page, testInfo, 'offline');
  expect(foreign).toEqual([]);
});
