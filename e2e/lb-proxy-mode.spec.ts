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
