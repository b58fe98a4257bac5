/**
 * Opening and saving the scene's files (issue 14): drop files on the editor, open them through the file
 * input or the File System Access API's picker, import a `kubectl get -o yaml` dump, refuse hostile
 * files without losing anything, and save the scene as one file that opens as its files again.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { graphReady, savedScene, shot } from './helpers';

const DUMP = readFileSync(
  new URL('../src/engine/manifest/testdata/kubectl-get-dump.yaml', import.meta.url),
  'utf8',
);
const tabs = (page: Page) => page.getByTestId('file-tab');

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: dropped
spec:
  selector: { app: dropped }
  ports: [{ port: 80 }]
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dropped
spec:
  replicas: 2
  selector: { matchLabels: { app: dropped } }
  template:
    metadata: { labels: { app: dropped } }
    spec:
      containers: [{ name: web, image: nginx }]
`;

/** Drops files on the editor as a user dragging them from the desktop would (the drop lands on Monaco). */
async function dropFiles(
  page: Page,
  files: { name: string; text?: string; bytes?: number[]; size?: number }[],
) {
  await page.locator('[data-testid="yaml-editor"] .monaco-editor').waitFor({ timeout: 60_000 });
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.size ? new Uint8Array(f.size).fill(0x61) : f.text!;
      dt.items.add(new File([body], f.name));
    }
    const target = document.querySelector('[data-testid="yaml-editor"] .view-lines')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Runs a console line and returns its output, retrying until `expected` shows (the worker may be slow). */
async function consoleShows(page: Page, line: string, expected: string | RegExp) {
  await expect
    .poll(
      async () => {
        const entries = page.getByTestId('console-entry');
        const before = await entries.count();
        await page.getByTestId('console-input').fill(line);
        await page.getByTestId('console-input').press('Enter');
        await expect(entries).toHaveCount(before + 1, { timeout: 20_000 });
        return (await entries.last().locator('pre').first().textContent()) ?? '';
      },
      { timeout: 60_000 },
    )
    .toMatch(expected);
}

test('files dropped on the editor open as tabs and build', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await dropFiles(page, [
    { name: 'service.yaml', text: SERVICE },
    { name: 'deployment.yaml', text: DEPLOYMENT },
  ]);
  // The untouched example gives way; the two files are two applies, in the order dropped.
  await expect(tabs(page)).toHaveText(['1service.yaml', '2deployment.yaml'], { timeout: 20_000 });
  await expect(page.getByTestId('file-notice')).toContainText('Opened service.yaml, deployment.yaml');
  await expect(page.getByTestId('topology')).toContainText('dropped', { timeout: 30_000 });
  await consoleShows(page, 'get endpointslices', /dropped-\w+\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244/);
  await shot(page, testInfo, 'dropped-files');

  // Dropped again on an edited scene: added after the files there, the taken name renamed.
  await dropFiles(page, [{ name: 'service.yaml', text: SERVICE.replace(/dropped/g, 'again') }]);
  await expect(tabs(page)).toHaveText(['1service.yaml', '2deployment.yaml', '3service-2.yaml'], {
    timeout: 20_000,
  });
  await expect(page.getByTestId('file-notice')).toContainText('applied after the files you had');
});

test('a kubectl get -o yaml dump opened through the file input is cleaned, and the page says what went', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // No File System Access API: the Open button falls back to the file input.
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await page.goto('/');
  await graphReady(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (
    await chooser
  ).setFiles({ name: 'web-dump.yaml', mimeType: 'application/yaml', buffer: Buffer.from(DUMP) });
  const dump = page.getByTestId('file-dump');
  await expect(dump).toContainText('web-dump.yaml is a kubectl get -o yaml dump (3 objects)', {
    timeout: 20_000,
  });
  await expect(dump).toContainText(
    'uid (2), resourceVersion (2), creationTimestamp (2), managedFields (1), kubectl.kubernetes.io/last-applied-configuration (1), status (1), spec.clusterIP(s) (1)',
  );
  await expect(dump).toContainText('Left out 1 EndpointSlices the endpoint-slice controller wrote');
  await expect(dump).toContainText('Pods keep their status (1)');
  await expect(tabs(page)).toHaveText(['web-dump.yaml']);
  // What the editor holds (and what is saved) is the cleaned dump.
  await expect
    .poll(async () => JSON.stringify(await page.evaluate(savedScene)), { timeout: 20_000 })
    .toContain('web-dump.yaml');
  const saved = JSON.stringify(await page.evaluate(savedScene));
  expect(saved).not.toMatch(/resourceVersion|managedFields|creationTimestamp|10\.43\.118\.20/);
  expect(saved).not.toContain('EndpointSlice');
  expect(saved).toContain('pod-template-hash: 6d4cf56db6');
  // The pod keeps the address and node its status pinned; the Service gets a ClusterIP of this cluster's range (10.96.0.0/12).
  await consoleShows(
    page,
    'get pods -o wide',
    /web-6d4cf56db6-x2x9q\s+1\/1\s+Running.*10\.42\.1\.7\s+worker-1/,
  );
  // One endpoint, the controller's, for the one pod (the dump's slice would have counted it twice).
  await consoleShows(page, 'get endpointslices', /^web-\w+\s+IPv4\s+8080\s+10\.42\.1\.7\s/m);
  await consoleShows(page, 'get svc web', /web\s+ClusterIP\s+10\.(9[6-9]|10\d|11[01])\.\d+\.\d+/);
  // The pod ran on worker-1, which the dump does not list: svclab added that Node (at the file's end,
  // with the pod's hostIP), says so, and draws the pod in it instead of its three default nodes.
  await expect(dump).toContainText('svclab added them at the end of the file');
  await expect(dump).toContainText('and draws the pods under them: worker-1.');
  await expect(page.locator('.react-flow__node[data-id="node/worker-1"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.react-flow__node[data-id="node/worker-1"]')).toContainText('192.168.49.3');
  await expect(page.locator('.react-flow__node[data-id="pod/default/web-6d4cf56db6-x2x9q"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="node/node-1"]')).toHaveCount(0);
  await shot(page, testInfo, 'dump-imported');

  // Korean: the same notice as a Korean instructor writes it.
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(dump).toContainText('kubectl get -o yaml 덤프입니다 (오브젝트 3개)');
  await expect(dump).toContainText('svclab이 파일 끝에 노드를 추가하고 파드를 그 아래에 그렸습니다');
  await shot(page, testInfo, 'dump-imported-ko');
});

test('hostile files are refused with a reason each, and the scene stays as it was', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  await page.getByRole('button', { name: '한국어' }).click();
  const before = await tabs(page).allTextContents();
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `b${i}: &b${i} [${Array(10)
        .fill(i === 1 ? '*a' : `*b${i - 1}`)
        .join(', ')}]`,
    );
  await dropFiles(page, [
    { name: 'diagram.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] },
    { name: 'photo.yaml', bytes: [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46] },
    { name: 'huge.yaml', size: 5 * 1024 * 1024 },
    { name: 'bomb.yaml', text: bomb.join('\n') },
  ]);
  const problems = page.getByTestId('file-problem');
  await expect(problems).toHaveCount(4, { timeout: 20_000 });
  await expect(problems.nth(0)).toContainText(
    'diagram.png 파일은 열지 않았습니다. svclab은 .yaml, .yml, .json',
  );
  await expect(problems.nth(1)).toContainText('photo.yaml 파일은 열지 않았습니다. 텍스트 파일이 아닙니다');
  await expect(problems.nth(2)).toContainText('크기가 5.0 MB인데, svclab은 2.0 MB까지만 엽니다');
  await expect(problems.nth(3)).toContainText('1행에서 YAML 별칭(alias)을 100번 넘게 펼칩니다');
  await expect(page.getByTestId('file-notice')).toContainText('지금 장면의 파일은 그대로입니다');
  await expect(page.getByTestId('file-notice')).toHaveAttribute('role', 'alert');
  expect(await tabs(page).allTextContents()).toEqual(before);
  await shot(page, testInfo, 'hostile-files-ko');
  await page.getByTestId('file-notice').getByRole('button', { name: '닫기' }).click();
  await expect(page.getByTestId('file-notice')).toHaveCount(0);
  await graphReady(page);
});

test('save writes the scene as one file (the save dialog, or a download) that opens as its files again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A save dialog and an open picker that keep what they are given, as the File System Access API does.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__written = [];
    w.showSaveFilePicker = async (o: { suggestedName: string }) => ({
      createWritable: async () => ({
        write: async (b: Blob) =>
          (w.__written as unknown[]).push({ name: o.suggestedName, text: await b.text() }),
        close: async () => undefined,
      }),
    });
    w.showOpenFilePicker = async () => {
      const saved = (w.__written as { name: string; text: string }[]).at(-1)!;
      return [{ getFile: async () => new File([saved.text], saved.name) }];
    };
  });
  await page.goto('/');
  await graphReady(page);
  await dropFiles(page, [
    { name: 'service.yaml', text: SERVICE },
    { name: 'deployment.yaml', text: DEPLOYMENT },
  ]);
  await expect(tabs(page)).toHaveCount(2, { timeout: 20_000 });
  await page.getByTestId('file-save').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __written: unknown[] }).__written.length))
    .toBe(1);
  const written = await page.evaluate(
    () => (window as unknown as { __written: { name: string; text: string }[] }).__written[0]!,
  );
  expect(written.name).toBe('scene.yaml');
  expect(written.text).toBe(
    `# svclab file: service.yaml\n${SERVICE}---\n# svclab file: deployment.yaml\n${DEPLOYMENT}`,
  );

  // Without the API, Save downloads the same text.
  await page.evaluate(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  const download = page.waitForEvent('download');
  await page.getByTestId('file-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('scene.yaml');
  expect(readFileSync((await file.path())!, 'utf8')).toBe(written.text);

  // Opened again (through the picker), it is its two files, added after the two there.
  await page.getByTestId('file-open').click();
  await expect(tabs(page)).toHaveText(
    ['1service.yaml', '2deployment.yaml', '3service-2.yaml', '4deployment-2.yaml'],
    { timeout: 20_000 },
  );
});
