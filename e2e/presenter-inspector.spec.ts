import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { graphReady, setEditorText, shot } from './helpers';

// Presenting at 1280×720 on a dual-stack cluster: long IPv6 addresses and kube-proxy's long chain names
// wrap in the inspector and are never clipped; Enter on a graph element opens it there and moves focus.
const scenario = readFileSync(new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url), 'utf8');
const DUAL = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
---
`;
const scene = DUAL + scenario.replace('type: ClusterIP', 'type: ClusterIP\n  ipFamilies: [IPv6]');

/** What in the side panel sticks out of it or is cut off inside a box that hides or scrolls it. */
const clipped = (page: Page) =>
  page.locator('.side-panel').evaluate((panel) => {
    const edge = panel.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of panel.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      // Screen-reader-only text is meant to be out of sight.
      if (r.width < 2 || r.height < 2 || el.closest('.sr-only')) continue;
      const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`;
      if (r.right > edge + 1) out.push(`${name} ends at ${Math.round(r.right)} > ${Math.round(edge)}`);
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        out.push(`${name} cut: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });

test.use({ viewport: { width: 1280, height: 720 } });

test('presenting at 1280×720: IPv6 addresses and KUBE-SEP names wrap, never clip; Enter opens a pod in the inspector', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await graphReady(page);
  await setEditorText(page, scene);
  const service = page.locator('.react-flow__node[data-id="Service/default/web"]');
  await expect(service).toContainText('fd00:10:96::', { timeout: 15_000 });
  // Built afresh from the saved text: the page's incremental build, edited from IPv4 to dual-stack, keeps
  // IPv4 EndpointSlices for the IPv6 Service (a bug of that build, reported; the CLI builds it right).
  await page.waitForTimeout(500);
  await page.reload();
  await graphReady(page);
  await expect(service).toContainText('fd00:10:96::', { timeout: 15_000 });
  await page.getByTestId('present-toggle').click();
  await expect(page.locator('.app.presenting')).toBeVisible();
  // The header keeps every control on the screen (the text size and the language too).
  const header = await page
    .locator('.app-header')
    .evaluate((h) =>
      [...h.querySelectorAll('button, select')].map((el) => Math.round(el.getBoundingClientRect().right)),
    );
  expect(Math.max(...header)).toBeLessThanOrEqual(1280);

  // A request over IPv6 (the Service has only an IPv6 cluster IP), every hop looked at.
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill('http://web');
  await page.locator('form.request-bar button[type="submit"]').click();
  const counter = page.getByTestId('hop-counter');
  await expect(counter).toBeVisible({ timeout: 20_000 });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  let sawIPv6 = false;
  let sawSep = false;
  for (let i = 0; i < 120; i++) {
    const hop = page.getByTestId('hop-view');
    const text = (await hop.textContent()) ?? '';
    sawIPv6 ||= /fd00:10:244:[0-9a-f:]*/.test(text);
    sawSep ||= /KUBE-SEP-[A-Z0-9]{16}/.test(text);
    expect(await clipped(page), `hop ${i + 1}`).toEqual([]);
    if ((await page.getByTestId('outcome').count()) > 0) break;
    // Past the DNS lookup, the request itself travels over IPv6.
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByTestId('outcome')).toHaveClass(/outcome-ok/);
  expect(sawIPv6).toBe(true);
  expect(sawSep).toBe(true);
  await shot(page, testInfo, 'ipv6-hop');

  // Enter on a pod: the inspector shows it (both addresses) and takes focus.
  const pod = page.locator('.react-flow__node[data-id^="pod/default/web-"]').first();
  const name = (await pod.getAttribute('data-id'))!.split('/')[2]!;
  await pod.focus();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('object-view');
  await expect(card).toContainText(`Pod ${name}`);
  await expect(card).toContainText(/10\.244\.\d+\.\d+/);
  await expect(card).toContainText(/fd00:10:244:[0-9a-f:]+/);
  expect(
    await page.evaluate(() => document.activeElement?.closest('[data-testid="object-view"]') != null),
  ).toBe(true);
  expect(await clipped(page)).toEqual([]);
  // The inspector's text stays readable presenting: at least 20 px on the screen.
  const smallest = await card.evaluate((root) =>
    Math.min(
      ...[...root.querySelectorAll('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map(
          (el) =>
            parseFloat(getComputedStyle(el).fontSize) *
            ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1),
        ),
    ),
  );
  expect(smallest).toBeGreaterThanOrEqual(20);
  await shot(page, testInfo, 'pod-opened');

  // The Service: its IPv6 cluster IP and endpoints whole.
  await service.focus();
  await page.keyboard.press('Enter');
  await expect(card).toContainText('Service web');
  await expect(card).toContainText(/fd00:10:96::[0-9a-f]+/);
  await expect(card).toContainText(/fd00:10:244:[0-9a-f:]+/);
  expect(await clipped(page)).toEqual([]);
});
