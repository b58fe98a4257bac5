/**
 * Issue 17: the built page carries a strict Content-Security-Policy and runs under it — Monaco and its
 * workers, the engine's worker, the graph, a request, the lessons, Korean, the service worker — without
 * one violation.
 */
import { test, expect } from '@playwright/test';
import { editorReady, graphReady, setEditorText, suggestUntil } from './helpers';

test.use({ serviceWorkers: 'allow' });

test('the page runs under a strict Content-Security-Policy without a violation', async ({ page }) => {
  test.setTimeout(120_000);
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(csp).not.toContain('unsafe-eval');

  await graphReady(page);
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
  await editorReady(page);
  // Monaco's YAML worker validates and completes as the user types.
  await setEditorText(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Nod');
  await suggestUntil(page, (labels) => labels.some((l) => l.startsWith('NodePort')));
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '보내기' })).toBeVisible();
  // The service worker (issue 14: offline) registers from the page's origin and precaches the build.
  await expect
    .poll(
      () =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'),
      { timeout: 90_000 },
    )
    .toBe('activated');

  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
    [],
  );
  expect(blocked).toEqual([]);
});
