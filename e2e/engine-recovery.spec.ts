/**
 * Issue 17: a hung or failed engine worker is noticed, restarted and given the last cluster; a render
 * that throws leaves a way out (every file to download, a reload). The faults are made from the test
 * itself (the page's Worker messages are intercepted before svclab starts): nothing in the built page
 * can be told by a link or a file to hang or to break.
 */
import { test, expect, type Page } from '@playwright/test';
import { editorReady, focusEditor, graphReady, setEditorText, shot } from './helpers';

/**
 * Before svclab runs: a build whose text carries HANG is never delivered to the worker (a build that
 * never ends, as the page sees it); the workers are kept on window so a test can make one fail; with
 * window.__corrupt set, the next build answer's cluster is damaged (a bug the page must survive).
 * A build crosses as `updateModel`, its cluster whole or as a patch (src/worker/cluster-patch.ts).
 */
async function interceptWorkers(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __workers: Worker[]; __corrupt?: boolean };
    w.__workers = [];
    // The engine's workers (Monaco has its own), in the order the page made them.
    window.Worker = class extends Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'engine') w.__workers.push(this);
      }
    };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const m = message as { path?: string[] };
      if (m?.path?.[0] === 'updateModel' && JSON.stringify(message).includes('svclab-e2e-HANG')) return;
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    } as Worker['postMessage'];
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (
      this: Worker,
      type: string,
      f: unknown,
      ...rest: unknown[]
    ) {
      if (type !== 'message' || typeof f !== 'function') {
        return (listen as (...a: unknown[]) => void).call(this, type, f, ...rest);
      }
      const wrapped = (e: MessageEvent) => {
        const answer = (e.data as { value?: { ok?: boolean; value?: { model?: unknown } } })?.value;
        if (w.__corrupt && answer?.ok && answer.value?.model) {
          w.__corrupt = false;
          const data = structuredClone(e.data);
          // The cluster crosses whole or as a patch against the last one (worker/cluster-patch.ts).
          const model = data.value.value.model;
          const broken = { nodes: 7, pods: 7, services: 7 };
          if (model.cluster) model.cluster = { ...model.cluster, ...broken };
          else {
            model.patch.set = { ...model.patch.set, ...broken };
            for (const k of Object.keys(broken)) delete model.patch.lists[k];
          }
          return f.call(this, new MessageEvent('message', { data }));
        }
        return f.call(this, e);
      };
      return (listen as (...a: unknown[]) => void).call(this, type, wrapped, ...rest);
    } as Worker['addEventListener'];
  });
}

const editorText = (page: Page) => page.locator('[data-testid="yaml-editor"] .view-lines');

/** Runs a console line and returns its output. */
async function run(page: Page, line: string): Promise<string> {
  const entries = page.getByTestId('console-entry');
  const before = await entries.count();
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 15_000 });
  const out = entries.last().locator('pre').first();
  await expect(out).not.toBeEmpty({ timeout: 15_000 });
  await expect(out).not.toHaveText('…', { timeout: 20_000 }); // still running
  return (await out.textContent()) ?? '';
}

const SCENE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels: { app: web }
spec:
  containers: [{ name: web, image: nginx }]
`;

test('a build over its budget is stopped: the page says so, keeps the last cluster, the console still answers', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await interceptWorkers(page);
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, SCENE);
  await expect(page.getByTestId('topology')).toContainText('web-1', { timeout: 20_000 });

  // This build never answers: after the 10 s budget the worker is stopped and restarted.
  await setEditorText(page, `${SCENE.replace('web-1', 'web-2')}# svclab-e2e-HANG\n`);
  const notice = page.getByTestId('engine-notice');
  await expect(notice).toContainText('longer than 10 s', { timeout: 30_000 });
  await expect(page.getByTestId('topology')).toContainText('web-1');
  expect(await page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.length)).toBe(2);
  await shot(page, testInfo, 'over-budget');

  // The new worker was given the last cluster at once: the console answers from it before any edit.
  expect(await run(page, 'kubectl get pods')).toContain('web-1');
  // Monaco draws only the lines in view, and the pasted text's last line can sit just under the fold
  // (a fresh-clone run failed so): go to the end, as a reader would, before looking for it.
  await expect(async () => {
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    await expect(editorText(page)).toContainText('svclab-e2e-HANG', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  // The next edit is built as usual, and the notice goes.
  await setEditorText(page, SCENE.replace('web-1', 'web-3'));
  await expect(page.getByTestId('topology')).toContainText('web-3', { timeout: 20_000 });
  await expect(notice).toHaveCount(0);
});

test('a worker that fails is restarted with the last cluster, in Korean too', async ({ page }, testInfo) => {
  await interceptWorkers(page);
  await page.goto('/');
  await graphReady(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await page.evaluate(() => {
    const w = (window as unknown as { __workers: Worker[] }).__workers[0]!;
    w.dispatchEvent(new ErrorEvent('error', { message: 'out of memory', cancelable: true }));
  });
  await expect(page.getByTestId('engine-notice')).toContainText('엔진이 예기치 않게 멈춰서', {
    timeout: 15_000,
  });
  await shot(page, testInfo, 'crashed-ko');
  expect(await run(page, 'kubectl get svc')).toContain('kubernetes');
});

test('a render that throws shows a way out: every file to download, and a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await interceptWorkers(page);
  await page.goto('/');
  await graphReady(page);
  await editorReady(page);
  await page.getByTestId('file-add').click();
  await setEditorText(page, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second-file\n');
  await expect(page.getByTestId('file-tab')).toHaveCount(2);

  // The next answer is damaged: the graph's render throws.
  await page.evaluate(() => ((window as unknown as { __corrupt: boolean }).__corrupt = true));
  await setEditorText(page, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second-file-2\n', {
    verify: false,
  });
  const crash = page.getByTestId('crash');
  await expect(crash).toBeVisible({ timeout: 20_000 });
  await expect(crash).toContainText('Something in the page broke');
  await shot(page, testInfo, 'crash');

  const download = page.waitForEvent('download');
  await page.getByTestId('crash-download').click();
  const file = await download;
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('# svclab file: scene.yaml');
  expect(text).toContain('kind: Service');
  expect(text).toContain('# svclab file: file-2.yaml');
  expect(text).toContain('name: second-file-2');

  // The work was saved: a reload brings the page and both files back.
  await page.getByTestId('crash-reload').click();
  await graphReady(page);
  await expect(page.getByTestId('file-tab')).toHaveCount(2);
});
