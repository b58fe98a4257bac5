import { test, expect, type Page } from '@playwright/test';
import { editorReady, graphReady, setEditorText, shot } from './helpers';

// A ServiceCIDR and a Service that takes its address from it: deleting the ServiceCIDR from the console
// leaves it Terminating (the servicecidrs controller keeps its finalizer), on the timeline and in the
// event list; deleting the Service lets it go 10 s after its deletionTimestamp.
const SCENE = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata:
  name: newcidr1
spec:
  cidrs: [10.200.0.0/24]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: agnhost
          ports: [{ containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.200.0.20
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

/** Runs a console line and waits for its answer. */
async function run(page: Page, line: string, expected: string | RegExp): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('console-entry').last()).toContainText(expected, { timeout: 15_000 });
}

const CASES = [
  {
    locale: 'en-US',
    lang: 'en',
    deleted: 'ServiceCIDR newcidr1 is deleted',
    terminating: 'reason Terminating',
    gone: 'the ServiceCIDR is gone',
    title: 'In the cluster by t = 0s',
  },
  {
    locale: 'ko-KR',
    lang: 'ko',
    deleted: 'ServiceCIDR newcidr1을 삭제합니다',
    terminating: '이유 Terminating',
    gone: 'ServiceCIDR은 사라집니다',
    title: 't = 0s까지 클러스터에서 일어난 일',
  },
] as const;

for (const c of CASES) {
  test.describe(c.lang, () => {
    test.use({ locale: c.locale });

    test('delete a ServiceCIDR in use: Terminating on the timeline and in the event list, gone 10 s after its Service', async ({
      page,
    }, testInfo) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/');
      await graphReady(page);
      if ((await page.locator('html').getAttribute('lang')) !== c.lang)
        await page.getByRole('button', { name: c.lang === 'ko' ? '한국어' : 'English' }).click();
      await editorReady(page);
      await setEditorText(page, SCENE);
      await run(page, 'kubectl get svc web', '10.200.0.20');
      // No timeline yet: the bar is not shown.
      await expect(page.getByTestId('timeline')).toHaveCount(0);

      await run(
        page,
        'kubectl delete servicecidr newcidr1',
        'servicecidr.networking.k8s.io "newcidr1" deleted',
      );
      // The deletion is a mark on the timeline, with the controller's answer at the same instant.
      await expect(page.getByTestId('timeline-mark')).toHaveCount(1, { timeout: 15_000 });
      const now = page.getByTestId('timeline-now');
      await expect(now).toContainText(c.deleted);
      await expect(now).toContainText(c.terminating);
      await expect(now.locator('[data-msg-id="timeline.serviceCidrTerminating"]')).toContainText(
        '10.200.0.20',
      );

      // The event list starts with them.
      await page.getByTestId('tab-events').click();
      const scene = page.getByTestId('scene-events');
      await expect(scene).toContainText(c.title);
      const rows = page.getByTestId('scene-event-row');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0)).toHaveAttribute('data-msg-id', 'timeline.serviceCidrDeleted');
      await expect(rows.nth(1)).toHaveAttribute('data-msg-id', 'timeline.serviceCidrTerminating');
      await expect(rows.nth(1)).toContainText(c.terminating);
      await shot(page, testInfo, 'terminating');

      // kubectl at that instant: deletionTimestamp, the finalizer, the condition.
      await run(
        page,
        'kubectl get servicecidr newcidr1 -o yaml',
        'deletionTimestamp: "2026-01-01T00:00:00Z"',
      );
      const yaml = page.getByTestId('console-entry').last();
      await expect(yaml).toContainText('- networking.k8s.io/service-cidr-finalizer');
      await expect(yaml).toContainText('reason: Terminating');
      await run(page, 'kubectl describe servicecidr newcidr1', 'Events:  <none>');
      await expect(page.getByTestId('console-entry').last()).toContainText(
        /Ready\s+False\s+Thu, 01 Jan 2026 00:00:00 \+0000\s+Terminating/,
      );

      // The Service goes: the controller removes the finalizer after its 10 s grace period.
      await run(page, 'kubectl delete svc web', 'service "web" deleted');
      await expect(page.getByTestId('timeline-mark')).toHaveCount(2, { timeout: 15_000 });
      await page.getByTestId('timeline-next').click();
      await expect(page.getByTestId('timeline-at')).toHaveText('t = 10s');
      await expect(now).toContainText(c.gone);
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1)).toHaveAttribute('data-msg-id', 'timeline.serviceCidrRemoved');
      await run(page, 'kubectl get servicecidrs', /kubernetes/);
      await expect(page.getByTestId('console-entry').last()).not.toContainText('newcidr1');
      await shot(page, testInfo, 'gone');
    });
  });
}
