import { test, expect, type Page } from '@playwright/test';
import { graphReady, pickScenario } from './helpers';

/**
 * The smallest text on the screen, in CSS pixels as a student at the back sees it: computed font size ×
 * CSS zoom (the presenter zooms the inspector) × the graph's viewport scale (React Flow's transform).
 */
async function smallestText(page: Page) {
  return page.evaluate(() => {
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 2 && r.height > 2 && el.checkVisibility({ visibilityProperty: true });
    };
    const texts = (root: Element | null) =>
      root
        ? [...root.querySelectorAll('*')].filter(
            (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && seen(el),
          )
        : [];
    const smallest = (els: Element[], scale: number) =>
      els.reduce(
        (m, el) => {
          const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          const px = parseFloat(getComputedStyle(el).fontSize) * zoom * scale;
          return px < m.px ? { ...m, px, text: el.textContent!.trim().slice(0, 40) } : m;
        },
        { px: Infinity, text: '', count: els.length },
      );
    const viewport = document.querySelector('.react-flow__viewport');
    const scale = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    return {
      graph: smallest(texts(viewport), scale),
      inspector: smallest(texts(document.querySelector('.side-panel')), 1),
    };
  });
}

/** Waits until the graph's camera has stopped moving. */
async function cameraSettled(page: Page) {
  const transform = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
  let last = await transform();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = await transform();
    if (now === last) return;
    last = now;
  }
}

test.use({ viewport: { width: 1280, height: 720 } });

test('presenter mode at 1280×720: no graph label under 16 px, inspector text at least 20 px, in every scenario', async ({
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  await page.goto('/?present');
  await graphReady(page);
  await expect(page.locator('.app.presenting')).toBeVisible();
  // The editor and the console fold away.
  await expect(page.locator('[data-testid="yaml-editor"]')).toBeHidden();
  const ids = await page
    .getByTestId('scenario-menu')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    await pickScenario(page, id);
    await graphReady(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
    // A clicker's keys: back to the start, then two hops on.
    await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('hop-counter')).toContainText('Hop 3 of');
    await cameraSettled(page);
    const m = await smallestText(page);
    // Something was measured (an empty page would pass vacuously).
    expect(m.graph.count, id).toBeGreaterThan(3);
    expect(m.inspector.count, id).toBeGreaterThan(3);
    testInfo.annotations.push({
      type: 'smallest text',
      description: `${id}: graph ${m.graph.px.toFixed(1)} px, inspector ${m.inspector.px.toFixed(1)} px`,
    });
    expect.soft(m.graph.px, `${id}: graph label "${m.graph.text}"`).toBeGreaterThanOrEqual(16);
    expect.soft(m.inspector.px, `${id}: inspector text "${m.inspector.text}"`).toBeGreaterThanOrEqual(20);
    // The event list too.
    await page.getByTestId('tab-events').click();
    const e = await smallestText(page);
    expect.soft(e.inspector.px, `${id}: event list text "${e.inspector.text}"`).toBeGreaterThanOrEqual(20);
    await page.getByTestId('tab-hop').click();
  }
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  for (const lang of ['en', 'ko'] as const)
    test(`presenter screenshot ${size.width}×${size.height} ${lang}`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto('/?present');
      await graphReady(page);
      if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click();
      await pickScenario(page, 'nodeport-local-vs-cluster');
      await graphReady(page);
      await page.locator('#request button[type="submit"]').click();
      await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
      await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
      await cameraSettled(page);
      const path = testInfo.outputPath(`presenter-${lang}-${size.width}x${size.height}.png`);
      await page.screenshot({ path });
      await testInfo.attach('presenter', { path, contentType: 'image/png' });
    });

test('presenting at 1280×720, the kube-proxy chips name their Services (fewer chips, not cut ones)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?present');
  await graphReady(page);
  // Three Services (kube-dns, sticky, plain): two chips and "+1" were cut to "▶ ku…ns" and "st…ky".
  await pickScenario(page, 'session-affinity');
  await graphReady(page);
  await page.locator('#request button[type="submit"]').click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 20_000 });
  await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  await cameraSettled(page);
  await expect(page.getByTestId('hop-rule-chip')).toHaveText('▶ kube-dns');
  const chips = await page.locator('.g-rule:not(.g-rule-more)').evaluateAll((els) =>
    els.map((el) => ({
      // A cut chip shows its label (aria-hidden) and keeps the full name for screen readers (.sr-only).
      text: (el.querySelector('.sr-only')
        ? [...el.querySelectorAll('[aria-hidden]')].map((e) => e.textContent).join('')
        : el.textContent!
      ).replace('▶ ', ''),
      full: el.getAttribute('title') ?? el.textContent!.replace('▶ ', ''),
      overflows: el.scrollWidth > el.clientWidth + 1,
    })),
  );
  expect(chips.length).toBeGreaterThan(0);
  for (const chip of chips) {
    // Whole, or cut in the middle to at least six characters, and never cut again by the box (CSS ellipsis).
    expect(chip.overflows, chip.full).toBe(false);
    if (chip.text !== chip.full) expect([...chip.text].length, chip.full).toBeGreaterThanOrEqual(6);
  }
});
