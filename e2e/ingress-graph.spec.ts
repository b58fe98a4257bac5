import { test, expect } from '@playwright/test';
import { graphReady, pickScenario, shot } from './helpers';

// Issue 13: the Ingress on the graph, between the controller and the Services like a Gateway: its paths
// as rows linked to their Services; the row nginx matched lights (▶ and words, not colour alone) when a
// request goes through it; Enter opens its rules in the inspector.
for (const { lang, locale, send, matched } of [
  { lang: 'en', locale: 'en-US', send: 'Send', matched: 'the path nginx matched' },
  { lang: 'ko', locale: 'ko-KR', send: '보내기', matched: 'nginx가 고른 경로' },
])
  test.describe(() => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });
    test(`${lang}: the Ingress box, its matched path lit, its rules in the inspector`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/');
      await graphReady(page);
      await pickScenario(page, 'ingress');
      const box = page.locator('.react-flow__node[data-id="Ingress/default/shop-and-blog"]');
      await expect(box).toBeVisible({ timeout: 30_000 });
      await expect(box.getByTestId('ingress-path')).toHaveCount(3);
      await expect(box).toContainText('shop.example.com /api');
      await expect(box).toContainText('shop-api:http');
      // Linked to each backend Service.
      for (const s of ['shop-frontend', 'shop-api', 'blog'])
        await expect(
          page.locator(`.react-flow__edge[data-id="i:Ingress/default/shop-and-blog>Service/default/${s}"]`),
        ).toHaveCount(1);

      // A request to shop.example.com/api/orders over HTTPS: nginx matches the /api path.
      await page.getByTestId('request-from').selectOption('external');
      await page.getByTestId('request-to').fill('https://shop.example.com/api/orders');
      await page.getByRole('button', { name: send, exact: true }).click();
      const counter = page.getByTestId('hop-counter');
      await expect(counter).toBeVisible({ timeout: 30_000 });
      // Step until the controller's hop: the Ingress's /api row is the one lit, its link to shop-api too.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Home');
      const hopRow = box.getByTestId('hop-ingress-path');
      for (let i = 0; i < 40 && (await hopRow.count()) === 0; i++) await page.keyboard.press('ArrowRight');
      await expect(hopRow).toHaveCount(1);
      await expect(hopRow).toContainText('shop.example.com /api');
      await expect(hopRow).toContainText(matched);
      await expect(box).toHaveClass(/hop-service/);
      await expect(
        page.locator('.react-flow__edge[data-id="i:Ingress/default/shop-and-blog>Service/default/shop-api"]'),
      ).toHaveClass(/hop-route/);
      await shot(page, testInfo, `${lang}-ingress-hop`);

      // Enter on the Ingress: its rules in the inspector.
      await box.focus();
      await page.keyboard.press('Enter');
      const card = page.getByTestId('object-view');
      await expect(card).toContainText('Ingress shop-and-blog');
      await expect(card).toContainText('shop.example.com /api (Prefix) → shop-api:http');
      await expect(card).toContainText('blog.example.com / (Prefix) → blog:80');
      await shot(page, testInfo, `${lang}-ingress-card`);
    });
  });
