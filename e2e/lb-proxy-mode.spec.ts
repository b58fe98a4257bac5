import { test, expect, type Page } from '@playwright/test';
import { graphReady, setEditorText, shot } from './helpers';

// LoadBalancer ipMode Proxy (issue 10): kube-proxy writes no rule for the address, so an in-cluster request
// to it leaves the node for the load balancer and comes back in through a node's NodePort. The page draws
// that: a route link from the client's node to the load balancer's box and one from the load balancer back
// to a node's kube-proxy, each as the packet takes it, and the inspector says why it went out.
const SCENE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          args: ['netexec', '--http-port=8080']
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
status:
  loadBalancer:
    ingress:
      - ip: 203.0.113.50
        ipMode: Proxy
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: node-1
  containers:
    - name: c
      image: curlimages/curl
`;

const LB = '.react-flow__node[data-id="lb/default/web"]';

/**
 * Every drawn link of the followed route, sampled along its SVG path (getPointAtLength), as the boxes it
 * enters other than its two ends (and the Kubernetes node a pod or kube-proxy at an end sits in):
 * "from > to: box" for each, so an empty list means every link passes over nothing else.
 */
async function linksOverBoxes(page: Page): Promise<string[]> {
  return page.locator('[data-testid="topology"]').evaluate((host) => {
    const boxes = [...host.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => !n.classList.contains('react-flow__node-zone'))
      .map((n) => ({ id: n.dataset.id ?? '', r: n.getBoundingClientRect() }));
    const holds = (o: DOMRect, i: DOMRect) =>
      o.left <= i.left + 0.5 &&
      o.top <= i.top + 0.5 &&
      o.right >= i.right - 0.5 &&
      o.bottom >= i.bottom - 0.5;
    const out: string[] = [];
    for (const edge of host.querySelectorAll('.react-flow__edge.edge-route')) {
      const [, from = '', to = ''] =
        /^Edge from (.+) to (.+)$/.exec(edge.getAttribute('aria-label') ?? '') ?? [];
      const ends = boxes.filter((b) => b.id === from || b.id === to);
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const hit = new Set<string>();
      for (let i = 0; i <= 200; i++) {
        const p = path.getPointAtLength((length * i) / 200);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        for (const b of boxes)
          if (
            !ends.some((e) => e === b || holds(b.r, e.r)) &&
            x > b.r.left + 1 &&
            x < b.r.right - 1 &&
            y > b.r.top + 1 &&
            y < b.r.bottom - 1
          )
            hit.add(b.id);
      }
      for (const id of hit) out.push(`${from} > ${to}: ${id}`);
    }
    return out;
  });
}

/** Steps the followed request until the hop view says `text`; every step shows at most one link being travelled. */
async function stepTo(page: Page, text: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (text.test((await page.getByTestId('hop-view').textContent()) ?? '')) return;
    expect(await page.locator('.react-flow__edge.route-now').count()).toBeLessThanOrEqual(1);
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no hop says ${text}`);
}

for (const lang of ['en', 'ko'] as const) {
  test(`ipMode Proxy: the request goes out to the load balancer and back in through a NodePort (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/');
    await graphReady(page);
    if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click();
    await setEditorText(page, SCENE);
    await expect(page.locator(LB)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.react-flow__node[data-id="pod/default/client"]')).toBeVisible({
      timeout: 30_000,
    });
    await page.getByTestId('request-from').selectOption('pod/default/client');
    await page.getByTestId('request-to').fill('http://203.0.113.50');
    await page.getByRole('button', { name: lang === 'ko' ? '보내기' : 'Send' }).click();
    await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');

    // Out: the node sends the packet to the load balancer, and says why.
    await stepTo(page, lang === 'ko' ? /ipMode가 Proxy/ : /with ipMode Proxy/);
    await expect(page.getByTestId('hop-view')).toContainText(
      lang === 'ko' ? 'kube-proxy는 이 주소에 규칙을 만들지 않으므로' : 'kube-proxy writes no rule for it',
    );
    // The link it leaves on is drawn, from the client's node to the load balancer's box.
    await expect(page.locator('.react-flow__edge.route-now')).toHaveCount(1);
    await expect(page.locator(LB)).toBeVisible();
    // Every link of the route (out, back in, the reply) runs over no box but the two it joins: the load
    // balancer's box is below the Services, not behind them.
    expect(await page.locator('.react-flow__edge.edge-route').count()).toBeGreaterThan(4);
    expect(await linksOverBoxes(page)).toEqual([]);
    await shot(page, testInfo, `out-to-lb-${lang}`);
    await page.screenshot({ path: testInfo.outputPath(`out-to-lb-${lang}.png`) });

    // At the load balancer: it sends the packet to a node's NodePort (instance target), the way back in.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('hop-view')).toContainText(/:3\d{4}/);
    await expect(page.getByTestId('hop-view')).toContainText(lang === 'ko' ? '노드포트' : 'NodePort');
    // The link from the client's node to the load balancer is now travelled.
    await expect(page.locator('.react-flow__edge.route-done').first()).toBeAttached();
    const done = await page.locator('.react-flow__edge.route-done').count();
    expect(done).toBeGreaterThanOrEqual(1);
    await shot(page, testInfo, `at-lb-${lang}`);
    await page.screenshot({ path: testInfo.outputPath(`at-lb-${lang}.png`) });

    // Back in: that node's kube-proxy DNATs the NodePort to a pod, over a link drawn from the load balancer.
    await page.keyboard.press('ArrowRight');
    await stepTo(page, /DNAT/);
    expect(await page.locator('.react-flow__edge.route-done').count()).toBeGreaterThan(done);
    await shot(page, testInfo, `back-in-${lang}`);
    await page.screenshot({ path: testInfo.outputPath(`back-in-${lang}.png`) });
    await page.keyboard.press('End');
    await expect(page.getByTestId('outcome')).toContainText(lang === 'ko' ? '전달' : 'Delivered', {
      timeout: 15_000,
    });
  });
}

test('ipMode Proxy at 1920×1080, presenting: the route runs over no box but its ends', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, SCENE);
  await expect(page.locator('.react-flow__node[data-id="pod/default/client"]')).toBeVisible({
    timeout: 30_000,
  });
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://203.0.113.50');
  await page.getByTestId('present-toggle').click();
  await expect(page.locator('.app.presenting')).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await stepTo(page, /with ipMode Proxy/);
  await expect(page.locator('.react-flow__edge.route-now')).toHaveCount(1);
  expect(await page.locator('.react-flow__edge.edge-route').count()).toBeGreaterThan(4);
  expect(await linksOverBoxes(page)).toEqual([]);
  // Back in through the NodePort: the camera has moved on; the links still pass over nothing else.
  await page.keyboard.press('ArrowRight');
  await stepTo(page, /DNAT/);
  expect(await linksOverBoxes(page)).toEqual([]);
  await shot(page, testInfo, 'presenting-1920');
});
