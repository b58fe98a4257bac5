import { test, expect } from '@playwright/test';
import { graphReady, shot } from './helpers';

// A student opens the Gateway API lesson: the Gateway, its listener and its route are on the graph; one
// request through it lights the listener, the route's rule and the backend, and the inspector says why.
for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`the Gateway lesson's request, hop by hop (${locale})`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const ko = locale === 'ko-KR';
      await page.goto('/');
      await graphReady(page);
      if (ko && (await page.locator('html').getAttribute('lang')) !== 'ko')
        await page.getByRole('button', { name: '한국어' }).click();
      await page.getByRole('tab', { name: ko ? '레슨' : 'Lessons' }).click();
      await page.getByTestId('lesson-item-gateway').click();
      const gateway = page.locator('.react-flow__node[data-id="Gateway/default/eg"]');
      await expect(gateway).toContainText(ko ? '게이트웨이 eg' : 'Gateway eg', { timeout: 20_000 });
      await expect(gateway).toContainText(':80/HTTP');
      await expect(page.locator('.react-flow__node[data-id="HTTPRoute/default/shop"]')).toContainText(
        'shop.example.com',
      );
      await expect(
        page.locator('.react-flow__edge[data-id="g:HTTPRoute/default/shop>Service/default/web-v1"]'),
      ).toBeAttached();

      // Step 2 sets the request: the route's hostname, from outside the cluster.
      const panel = page.getByTestId('lesson-panel');
      await panel.getByRole('button', { name: ko ? /다음/ : /Next/ }).click();
      await expect(page.getByTestId('request-to')).toHaveValue('http://shop.example.com/');
      await page.locator('form.request-bar button[type="submit"]').click();
      await page.getByRole('tab', { name: ko ? '인스펙터' : 'Inspector' }).click();
      const counter = page.getByTestId('hop-counter');
      await expect(counter).toBeVisible({ timeout: 20_000 });
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Home');
      await expect(page.getByTestId('hop-listener')).toHaveCount(0);
      for (let i = 0; i < 20; i++) {
        if ((await page.getByTestId('gateway-decision').count()) > 0) break;
        await page.keyboard.press('ArrowRight');
      }
      const decision = page.getByTestId('gateway-decision');
      await expect(decision).toContainText('default/eg');
      await expect(decision).toContainText('default/shop');
      await expect(decision).toContainText('default/web-v1');
      await expect(page.getByTestId('hop-listener')).toContainText('http');
      await expect(page.getByTestId('hop-route-rule')).toContainText(ko ? '규칙 0' : 'rule 0');
      await expect(
        page.locator('.react-flow__node.hop-service[data-id="Service/default/web-v1"]'),
      ).toBeVisible();
      await expect(page.locator('.react-flow__edge.hop-route')).toHaveCount(1);
      // The reasons, one sentence a line, in the reader's language.
      const steps = page.locator('[data-testid="hop-note"] .note-step');
      await expect(steps).toHaveCount(4);
      if (ko) await expect(steps.first()).toContainText(/[가-힣]/);
      await shot(page, testInfo, `gateway-hop-${locale}`);
    });
  });
}
