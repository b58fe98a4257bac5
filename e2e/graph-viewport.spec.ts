import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { graphReady, pickScenario, setEditorText, shot } from './helpers';

// A student who zoomed into a node keeps their place when they edit; the graph fits again when they ask
// (the Fit button), on another scenario and when presenter mode ends.
const scenario = readFileSync(new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url), 'utf8');

const viewport = (page: Page) =>
  page
    .locator('[data-testid="topology"] .react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);

/** Whether every box of the graph is inside the graph's panel (what a fit does). */
const allInView = (page: Page) =>
  page.locator('[data-testid="topology"]').evaluate((host) => {
    const frame = host.getBoundingClientRect();
    return [...host.querySelectorAll('.react-flow__node')].every((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.left >= frame.left - 1 &&
        r.right <= frame.right + 1 &&
        r.top >= frame.top - 1 &&
        r.bottom <= frame.bottom + 1
      );
    });
  });

/** Zooms in with the mouse wheel over a pod, as a student looking closer would. */
async function zoomIntoPod(page: Page): Promise<void> {
  const pod = page.locator('.react-flow__node[data-id="pod/default/client"]');
  const box = (await pod.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  await expect.poll(() => allInView(page)).toBe(false);
  // The wheel's zoom settles.
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await viewport(page);
        const settled = now === previous;
        previous = now;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
}

test('an edit keeps the camera where the student put it; Fit, another scenario and presenting fit again', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await graphReady(page);
  await expect(page.locator('.react-flow__node[data-id="Service/default/web"]')).toContainText(
    '3 ready of 3',
  );
  await expect.poll(() => allInView(page)).toBe(true);

  await zoomIntoPod(page);
  const zoomed = await viewport(page);

  // An edit that adds a pod: the graph changes, the camera does not.
  const pod = [
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: extra',
    '  labels:',
    '    app: web',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: registry.k8s.io/e2e-test-images/agnhost:2.52',
    "      args: ['netexec', '--http-port=8080']",
    '',
  ].join('\n');
  await setEditorText(page, `${scenario.trimEnd()}\n${pod}`);
  await expect(page.locator('.react-flow__node[data-id="pod/default/extra"]')).toBeAttached({
    timeout: 10_000,
  });
  await page.waitForTimeout(500);
  expect(await viewport(page)).toBe(zoomed);
  // A second edit (the Service's port) too.
  await setEditorText(page, `${scenario.replace('port: 80 #', 'port: 81 #').trimEnd()}\n${pod}`);
  await expect(page.locator('.react-flow__node[data-id="Service/default/web"]')).toContainText('81→', {
    timeout: 10_000,
  });
  await page.waitForTimeout(500);
  expect(await viewport(page)).toBe(zoomed);
  await shot(page, testInfo, 'zoomed-after-edit');

  // The Fit button: the whole graph again.
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => allInView(page)).toBe(true);

  // Presenter mode on and off: fitted when it ends.
  await zoomIntoPod(page);
  await page.getByTestId('present-toggle').click();
  await expect(page.locator('.app.presenting')).toBeVisible();
  await page.getByTestId('present-toggle').click();
  await expect(page.locator('.app.presenting')).toHaveCount(0);
  await expect.poll(() => allInView(page)).toBe(true);

  // Another scenario: fitted once its graph is shown.
  await zoomIntoPod(page);
  await pickScenario(page, 'session-affinity');
  await expect(page.locator('.react-flow__node[data-id="pod/default/client"]')).toBeAttached({
    timeout: 20_000,
  });
  await expect.poll(() => allInView(page), { timeout: 10_000 }).toBe(true);
  await shot(page, testInfo, 'another-scenario');
});
