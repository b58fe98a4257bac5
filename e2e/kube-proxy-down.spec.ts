import { expect, test, type TestInfo } from '@playwright/test';
import { graphReady, setEditorText, shot } from './helpers';

/**
 * A KubeProxyConfiguration kube-proxy refuses (issue 10): kube-proxy exits at startup on every node, so
 * the graph's kube-proxy box of each node says CrashLoopBackOff and shows no Service rule, instead of an
 * iptables-mode box with rules as if nothing were wrong.
 */
const SCENE = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: nftable
---
apiVersion: apps/v1
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
          image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

for (const { lang, locale, title, rules } of [
  {
    lang: 'en',
    locale: 'en-US',
    title: 'kube-proxy (down)',
    rules: 'CrashLoopBackOff',
  },
  { lang: 'ko', locale: 'ko-KR', title: 'kube-proxy (중단)', rules: 'CrashLoopBackOff' },
])
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    test.describe(() => {
      test.use({ locale });
      test(`${lang} ${size.width}×${size.height}: every node's kube-proxy is down`, async ({
        page,
      }, testInfo: TestInfo) => {
        test.setTimeout(180_000);
        await page.setViewportSize(size);
        await page.goto('/');
        await graphReady(page);
        await setEditorText(page, SCENE);
        const down = page.getByTestId('kube-proxy-down');
        await expect(down.first()).toBeVisible({ timeout: 60_000 });
        const boxes = await down.count();
        expect(boxes).toBeGreaterThan(0);
        await expect(page.locator('.g-proxy:not(.g-proxy-down)')).toHaveCount(0);
        await expect(down.first()).toContainText(title);
        await expect(down.first()).toContainText(rules);
        await shot(page, testInfo, `${lang}-${size.width}`);
        await page.screenshot({ path: testInfo.outputPath(`kube-proxy-down-${lang}-${size.width}.png`) });
      });
    });
