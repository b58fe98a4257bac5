import { test, expect } from '@playwright/test';
import { graphReady, setEditorText, shot } from './helpers';

/**
 * Issue 17: a Deployment of 200 pods is one group box per node (count, share of 200, ready tally), the graph stays
 * small; Enter on a group lists its pods and Enter again folds them; a request to one of its pods lights
 * the group (and the pod once listed); the event list still names the pod.
 */
const SCENE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 200
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: client, image: busybox, command: ['sleep', 'infinity'] }] }
`;

test.use({ viewport: { width: 1280, height: 720 } });

test('200 pods: a box per node with count and tally, Enter lists and folds, a request lights the group and its pod', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, SCENE);
  const graph = page.getByTestId('topology');
  const groups = graph.locator('.react-flow__node-pod-group');
  await expect(groups.first()).toBeVisible({ timeout: 60_000 });
  // The 200 pods are counted in the groups' boxes, none drawn on its own.
  await expect
    .poll(async () =>
      (await groups.allTextContents()).reduce((n, t) => n + Number(/×(\d+)/.exec(t)?.[1] ?? 0), 0),
    )
    .toBe(200);
  await expect(graph.locator('.react-flow__node[data-id^="pod/default/web-"]')).toHaveCount(0);
  // Each box says its share of the one Deployment (the boxes are per node: pods are drawn on their node).
  for (const t of await groups.allTextContents()) expect(t).toMatch(/×\d+Deployment of 200.*\d+ ready/);
  await shot(page, testInfo, 'groups-folded');

  // A request to the Service: at its end, the group holding the chosen pod is lit.
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 60_000 });
  await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('End');
  const lit = graph.locator('.react-flow__node-pod-group.hop-pod');
  await expect(lit).toHaveCount(1, { timeout: 15_000 });
  await expect(lit).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: Enter on the group lists its pods, the chosen one lit as well.
  await lit.focus();
  await page.keyboard.press('Enter');
  await expect(lit).toHaveAttribute('aria-expanded', 'true');
  const pod = graph.locator('.react-flow__node-pod.hop-pod');
  await expect(pod).toHaveCount(1);
  const podId = (await pod.getAttribute('data-id'))!;
  expect(podId).toMatch(/^pod\/default\/web-[a-z0-9]+-[a-z0-9]{5}$/);
  await expect(lit).toHaveClass(/hop-pod/);
  await shot(page, testInfo, 'group-open');

  // The event list names the pod, not the group.
  await page.getByTestId('tab-events').click();
  await page.getByLabel('Hide DNS').check();
  await expect(page.locator(`[data-testid="event-row"][title*="${podId} "]`).first()).toBeAttached();

  // Enter again folds the pods back into the box.
  await lit.focus();
  await page.keyboard.press('Enter');
  await expect(lit).toHaveAttribute('aria-expanded', 'false');
  await expect(graph.locator('.react-flow__node[data-id^="pod/default/web-"]')).toHaveCount(0);
});
