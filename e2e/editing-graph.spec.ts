import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { editorReady, graphReady, setEditorText, shot, suggestUntil } from './helpers';

// Editing stays honest on the graph: a refused object stays as a ghost with its error, an edit keeps
// every box where it was, and the editor completes a field's values.
const scenario = readFileSync(new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url), 'utf8');

interface Place {
  x: number;
  y: number;
  height: number;
}

/** Every graph box's place in the graph's own coordinates (its transform, which zoom does not change). */
const places = (page: Page): Promise<Record<string, Place>> =>
  page.$$eval('[data-testid="topology"] .react-flow__node', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const e = el as HTMLElement;
        const [x, y] = [...e.style.transform.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
        return [e.dataset.id ?? '', { x: x!, y: y!, height: e.offsetHeight }];
      }),
    ),
  );

test('an object the API server refuses stays on the graph as a ghost with its error, where it was', async ({
  page,
}, testInfo) => {
  // Two builds and two pastes: at load 20 on the shared machine this took over the default 60 s.
  test.setTimeout(150_000);
  await page.goto('/');
  await graphReady(page);
  const service = page.locator('.react-flow__node[data-id="Service/default/web"]');
  await expect(service).toBeVisible();
  const before = await places(page);

  const refused = scenario.replace('type: ClusterIP', 'type: ClusterIPX');
  expect(refused).not.toBe(scenario);
  await setEditorText(page, refused);
  const banner = page.getByTestId('graph-refused');
  await expect(banner).toContainText('Service web', { timeout: 10_000 });
  await expect(service).toHaveClass(/react-flow__node-ghost/);
  await expect(service).toContainText('not created');
  await expect(service).toContainText('Unsupported value: "ClusterIPX"');
  // Where the Service was, and everything else too.
  expect(await places(page)).toEqual(before);
  await shot(page, testInfo, 'ghost');

  // Fixed: the Service is back, the banner gone.
  await setEditorText(page, scenario);
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(service).not.toHaveClass(/react-flow__node-ghost/);
  await expect(service).toContainText('3 ready of 3 endpoints');
});

test('an edit that adds a pod leaves every other box where it was', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  await expect(page.locator('.react-flow__node[data-id="Service/default/web"]')).toContainText(
    '3 ready of 3',
  );
  const before = await places(page);
  expect(Object.keys(before).length).toBeGreaterThan(5);

  const pod = [
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: extra',
    '  namespace: default',
    '  labels:',
    '    app: web',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: registry.k8s.io/e2e-test-images/agnhost:2.52',
    "      args: ['netexec', '--http-port=8080']",
    '      ports:',
    '        - name: http',
    '          containerPort: 8080',
    '',
  ].join('\n');
  await setEditorText(page, `${scenario.trimEnd()}\n${pod}`);
  await expect(page.locator('.react-flow__node[data-id="Service/default/web"]')).toContainText(
    '4 ready of 4',
    {
      timeout: 10_000,
    },
  );
  const after = await places(page);
  expect(Object.keys(after).filter((id) => !(id in before))).toEqual(['pod/default/extra']);
  // The Kubernetes node the pod went to grew by one pod's row; only what is below it in the nodes'
  // column moved, straight down and all by one amount (no more than the growth: only as far as it must);
  // every other box is exactly where it was.
  const grown = Object.keys(before).filter(
    (id) => id.startsWith('node/') && after[id]!.height > before[id]!.height,
  );
  expect(grown).toHaveLength(1);
  const node = grown[0]!;
  const growth = after[node]!.height - before[node]!.height;
  const bottom = before[node]!.y + before[node]!.height;
  const below = (id: string) => Math.abs(before[id]!.x - before[node]!.x) < 40 && before[id]!.y >= bottom;
  const moves = new Set(
    Object.keys(before)
      .filter(below)
      .map((id) => after[id]!.y - before[id]!.y),
  );
  expect(moves.size).toBeLessThanOrEqual(1);
  const push = [...moves][0] ?? 0;
  expect(push).toBeGreaterThanOrEqual(0);
  expect(push).toBeLessThanOrEqual(growth);
  // …and far enough that nothing overlaps the grown node.
  for (const id of Object.keys(before).filter(below))
    expect.soft(after[id]!.y, id).toBeGreaterThanOrEqual(after[node]!.y + after[node]!.height);
  for (const [id, was] of Object.entries(before)) {
    expect.soft(after[id]!.x, id).toBe(was.x);
    if (!below(id)) expect.soft(after[id]!.y, id).toBe(was.y);
  }
  await shot(page, testInfo, 'pod-added');
});

test('the editor offers a field’s values: externalTrafficPolicy completes to Cluster and Local', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await graphReady(page);
  // Monaco is a lazy chunk: on a busy machine it takes longer than editorReady's 20 s.
  await expect(page.locator('[data-testid="yaml-editor"] .monaco-editor')).toBeVisible({ timeout: 60_000 });
  await editorReady(page);
  // A NodePort Service last, its last line "  externalTrafficPolicy: " with the cursor at its end.
  const nodePort = [
    scenario.trimEnd(),
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: np',
    'spec:',
    '  type: NodePort',
    '  selector:',
    '    app: web',
    '  ports:',
    '    - port: 80',
    '  externalTrafficPolicy: ',
  ].join('\n');
  await setEditorText(page, nodePort);
  // The scene applied (the Service is on the graph), the cursor at the end, then ask for suggestions.
  await expect(page.locator('.react-flow__node[data-id="Service/default/np"]')).toBeVisible({
    timeout: 10_000,
  });
  const labels = await suggestUntil(
    page,
    (l) => l.some((x) => x.startsWith('Cluster')) && l.some((x) => x.startsWith('Local')),
    30_000,
  );
  // Not words picked from the file.
  expect(labels.some((l) => /^(web|default|http)\b/.test(l))).toBe(false);
  await page.keyboard.press('Escape');
});
