import { test, expect, type Page } from '@playwright/test';
import { editorReady, focusEditor, pickScenario, shot } from './helpers';

/**
 * The graph's Service menu (right click, Shift+F10 or the menu key on a focused Service): each item is
 * the console line that does it, an undoable edit of the YAML — externalTrafficPolicy switched, the
 * endpoints removed by scaling the Deployment to 0, the Service deleted.
 */
/** The graph is drawn (patiently: the first build can take long on a busy machine). */
async function graphReady(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="topology"] .react-flow__node').first()).toBeVisible({
    timeout: 90_000,
  });
}

const service = (page: Page, name: string) =>
  page.locator(`[data-testid="topology"] .react-flow__node[data-id="Service/default/${name}"]`);

/** Runs a console line and waits (patiently: the worker answers) until its answer shows `expected`. */
async function run(page: Page, line: string, expected: string | RegExp): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(expected, { timeout: 30_000 });
}

/** Opens a Service's menu from the keyboard: focus the Service on the graph, then Shift+F10. */
async function menuByKeyboard(page: Page, name: string) {
  const svc = service(page, name);
  await expect(svc).toBeVisible({ timeout: 30_000 });
  await svc.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  return menu;
}

test('a Service’s menu: externalTrafficPolicy, endpoints to none, delete — each an undoable edit', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await graphReady(page);
  await pickScenario(page, 'nodeport-local-vs-cluster');
  await editorReady(page);

  // echo-local by keyboard: its items, each with the console line; the last switches it to Cluster.
  let menu = await menuByKeyboard(page, 'echo-local');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('kubectl scale deployment echo --replicas=0');
  await expect(items.nth(1)).toContainText('kubectl set selector service echo-local app=none');
  await expect(items.nth(2)).toContainText('kubectl delete service echo-local');
  await expect(items.nth(3)).toContainText(
    `kubectl patch service echo-local -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`,
  );
  // The whole menu is inside the 1280×720 window (echo-local sits low on the graph; items whose command
  // wraps are taller than one line: the menu moves up rather than running off the bottom).
  await expect
    .poll(async () => {
      const box = await menu.boundingBox();
      return (
        box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= 720 && box.x + box.width <= 1280
      );
    })
    .toBe(true);
  await shot(page, testInfo, 'service-menu');
  await page.keyboard.press('End');
  await expect(items.nth(3)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('fault-status')).toContainText('service/echo-local patched', {
    timeout: 30_000,
  });
  await run(page, 'get svc echo-local -o yaml', 'externalTrafficPolicy: Cluster');
  // The menu now offers the way back.
  menu = await menuByKeyboard(page, 'echo-local');
  await expect(menu.getByRole('menuitem').nth(3)).toContainText('externalTrafficPolicy: Local');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // Undo in the editor puts Local back (the menu's edit is an edit of the text like any other).
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect
    .poll(
      async () => {
        await run(page, 'get svc echo-local -o yaml', 'externalTrafficPolicy');
        return page.getByTestId('console-entry').last().textContent();
      },
      { timeout: 60_000 },
    )
    .toContain('externalTrafficPolicy: Local');

  // Endpoints to none: the Deployment scaled to 0 (right click this time); its pods leave the graph.
  const pods = page.locator('[data-testid="topology"] .g-pod .g-title[title^="default/echo-"]');
  await expect(pods).toHaveCount(2);
  await service(page, 'echo-cluster').click({ button: 'right', position: { x: 20, y: 10 } });
  menu = page.getByTestId('fault-menu');
  await menu.getByRole('menuitem', { name: /scale its Deployment to 0/ }).click();
  await expect(page.getByTestId('fault-status')).toContainText('deployment.apps/echo scaled', {
    timeout: 30_000,
  });
  await expect(pods).toHaveCount(0, { timeout: 30_000 });
  await run(page, 'get endpointslices', /echo-cluster-\w+\s+IPv4\s+<unset>\s+<unset>/);

  // Delete the Service: it leaves the graph.
  await service(page, 'echo-cluster').click({ button: 'right', position: { x: 20, y: 10 } });
  await menu.getByRole('menuitem', { name: /Delete the Service/ }).click();
  await expect(page.getByTestId('fault-status')).toContainText('service "echo-cluster" deleted', {
    timeout: 30_000,
  });
  await expect(service(page, 'echo-cluster')).toHaveCount(0, { timeout: 30_000 });
  await shot(page, testInfo, 'service-deleted');
});

test('the Service menu in Korean', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: '한국어' }).click();
  await graphReady(page);
  await pickScenario(page, 'nodeport-local-vs-cluster');
  const menu = await menuByKeyboard(page, 'echo-cluster');
  await expect(menu.getByRole('menuitem').nth(0)).toContainText(
    '엔드포인트 없애기: 디플로이먼트를 0으로 스케일',
  );
  await expect(menu.getByRole('menuitem').nth(2)).toContainText('서비스 삭제하기');
  await expect(menu.getByRole('menuitem').nth(3)).toContainText('externalTrafficPolicy를 Local로');
  await page.screenshot({ path: testInfo.outputPath('service-menu-ko.png') });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});
