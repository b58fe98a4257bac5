import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { PACKET_COLORS } from '../src/features/topology/packet-colors';
import { graphReady, setEditorText, shot } from './helpers';

/**
 * Contrast (WCAG 1.4.3 and 1.4.11) over the graph, the inspector and the console, with every state the
 * graph tells apart on screen: a ready, a not-ready and a terminating pod, a refused object (a ghost), a
 * Service with no endpoints, the followed request's current hop and route, a selection, and a refused
 * packet. axe's color-contrast rule measures the text; axe does not look at SVG strokes, borders, rings or
 * the corner marks, so the page's own computed styles are measured here against what they are drawn on
 * (the pane, a Kubernetes node's body, the box's own fill): at least 3:1. svclab has one (light) theme:
 * the dark preference is checked too, so nothing half-switches under it.
 */
const SCENE = `apiVersion: v1
kind: Pod
metadata: { name: web-1, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web-2, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
status:
  phase: Running
  conditions:
    - type: Ready
      status: 'False'
---
apiVersion: v1
kind: Pod
metadata: { name: web-3, labels: { app: web }, deletionTimestamp: '2026-01-01T00:00:00Z' }
spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: nobody }
spec: { selector: { app: none }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: typo }
spec: { selector: { app: web }, ports: [{ port: 80, protocl: TCP }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: client, image: busybox, command: ['sleep', 'infinity'] }] }
`;

/** axe's color-contrast rule over the graph, the inspector and the console (what is shown of them). */
async function textContrast(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withRules(['color-contrast'])
    .include('.topology-panel')
    .include('.side-panel')
    .include('.console-panel')
    .analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').pop()?.trim()}`),
  );
}

/**
 * Graphics axe does not measure: every drawn edge's stroke, each state's border, ring, outline and corner
 * mark, and the packet colours, each against what it is drawn on. Runs after an axe pass (it uses axe's
 * colour arithmetic, which that pass leaves in the page). Returns what is under 3:1 and what was measured.
 */
async function graphicContrast(page: Page, packets: Record<string, string>) {
  return page.evaluate((packets) => {
    type AxeColor = { parseString(s: string): AxeColor; alpha: number };
    const axe = (
      window as unknown as {
        axe: {
          commons: {
            color: {
              Color: new () => AxeColor;
              getContrast(bg: AxeColor, fg: AxeColor): number;
              flattenColors(fg: AxeColor, bg: AxeColor): AxeColor;
            };
          };
        };
      }
    ).axe.commons.color;
    const parse = (s: string) => new axe.Color().parseString(s);
    const white = parse('rgb(255, 255, 255)');
    const bgOf = (el: Element | null): AxeColor => {
      // The first opaque-enough background up the tree (the pane is transparent over a white panel).
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.alpha > 0.5) return c.alpha < 1 ? axe.flattenColors(c, white) : c;
      }
      return white;
    };
    const nodeBody = document.querySelector('.g-node');
    const under = [white, ...(nodeBody ? [bgOf(nodeBody)] : [])];
    const low: string[] = [];
    const measured: string[] = [];
    const check = (what: string, color: string, against: AxeColor[], opacity = 1) => {
      let fg = parse(color);
      if (fg.alpha === 0) return;
      for (const bg of against) {
        if (opacity < 1) fg.alpha *= opacity;
        const flat = fg.alpha < 1 ? axe.flattenColors(fg, bg) : fg;
        fg = parse(color);
        const ratio = axe.getContrast(bg, flat);
        measured.push(what);
        if (ratio < 3) low.push(`${what}: ${color} is ${ratio.toFixed(2)}:1`);
      }
    };
    // Every link on the graph: endpoints, rules, wires, the followed route, a burst's spread.
    for (const path of document.querySelectorAll('.react-flow__edge path.react-flow__edge-path')) {
      const cs = getComputedStyle(path);
      const edge = path.closest('.react-flow__edge')!;
      check(`edge ${edge.getAttribute('class')}`, cs.stroke, under, Number(cs.strokeOpacity) || 1);
    }
    // A state's border against the pane (or the node's body a pod sits on) and its own fill.
    const borders: [string, string][] = [
      ['.g-pod:not(.g-not-ready):not(.g-terminating)', 'ready pod'],
      ['.g-not-ready', 'not-ready pod'],
      ['.g-terminating', 'terminating pod'],
      ['.g-ghost', 'ghost'],
      ['.g-service.g-empty', 'Service without endpoints'],
      ['.g-route-refused', 'refused route'],
      ['.g-service:not(.g-empty)', 'Service'],
    ];
    for (const [sel, what] of borders)
      for (const el of document.querySelectorAll(sel)) {
        const outside = bgOf(el.closest('.react-flow__node')?.parentElement ?? null);
        const onNode = el.closest('.react-flow__node')?.getAttribute('data-id')?.startsWith('pod/');
        check(`${what} border`, getComputedStyle(el).borderTopColor, [
          onNode && nodeBody ? bgOf(nodeBody) : outside,
          bgOf(el),
        ]);
      }
    // Rings and outlines: the selection, the current hop, the drop, the hop's Service and pod, a lesson mark.
    const firstColor = (shadow: string) => /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? '';
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const box = el.querySelector('.g-box, .g-node');
      if (!box) continue;
      const cs = getComputedStyle(box);
      const name = `${el.getAttribute('data-id')} (${el.className.replace(/react-flow__node\S*|selectable|nopan/g, '').trim()})`;
      if (cs.boxShadow !== 'none') check(`${name} ring`, firstColor(cs.boxShadow), under);
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0)
        check(`${name} outline`, cs.outlineColor, under);
      const mark = getComputedStyle(el, '::before');
      if (mark.content !== 'none' && mark.content !== 'normal') {
        check(`${name} mark`, mark.backgroundColor, under);
        // The mark's symbol on its disc is text-sized: 4.5:1.
        const ratio = axe.getContrast(parse(mark.backgroundColor), parse(mark.color));
        measured.push(`${name} mark symbol`);
        if (ratio < 4.5) low.push(`${name} mark symbol: ${ratio.toFixed(2)}:1`);
      }
    }
    for (const [state, color] of Object.entries(packets)) {
      check(`packet ${state}`, color, under);
      // The white ring and mark drawn on the dot.
      check(`packet ${state} mark`, 'rgb(255, 255, 255)', [parse(color)]);
    }
    return { low, measured };
  }, packets);
}

async function sendAndStep(page: Page, url: string, count = 1) {
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill(url);
  await page.getByTestId('request-count').fill(String(count));
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('hop-counter')).toBeVisible({ timeout: 30_000 });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`contrast, ${colorScheme} preference`, () => {
    test.use({ viewport: { width: 1280, height: 720 }, colorScheme });

    test('text 4.5:1 (axe) and graphics 3:1 (edges, state marks, packets) on the graph, inspector and console, then presenting', async ({
      page,
    }, testInfo) => {
      test.setTimeout(240_000);
      await page.goto('/');
      await graphReady(page);
      await setEditorText(page, SCENE);
      // Every state of the scene is on the graph, each said in words as well as drawn.
      const graph = page.getByTestId('topology');
      await expect(graph.locator('.g-ghost')).toBeVisible({ timeout: 30_000 });
      await expect(graph.locator('.g-not-ready')).toContainText('not ready');
      await expect(graph.locator('.g-terminating')).toContainText('terminating');
      await expect(graph.locator('.g-ghost')).toContainText('not created');
      await expect(graph.locator('.g-service.g-empty')).toContainText('0 ready of 0');

      // A request refused by a Service without endpoints: the drop's place is marked.
      await sendAndStep(page, 'http://nobody');
      await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
      await page.keyboard.press('End');
      await expect(graph.locator('.react-flow__node.dropped-here')).toBeVisible({ timeout: 15_000 });
      expect(await textContrast(page), 'text after a refused request').toEqual([]);
      let g = await graphicContrast(page, PACKET_COLORS);
      expect(g.low, 'graphics after a refused request').toEqual([]);
      expect(g.measured.some((m) => m.includes('mark'))).toBe(true);

      // A burst that arrives: the followed route drawn as links over the burst's spread, the current hop
      // and its Service lit, a Service selected (its edges and chips lit).
      await sendAndStep(page, 'http://web', 3);
      await page.locator('.react-flow__pane').click({ position: { x: 3, y: 3 } });
      await page.keyboard.press('Home');
      for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
      await expect(graph.locator('.react-flow__node.at-hop')).toBeVisible();
      await expect(graph.locator('.react-flow__edge.edge-route').first()).toBeAttached();
      await expect(graph.locator('.react-flow__edge.edge-route-burst').first()).toBeAttached();
      await graph.locator('.react-flow__node[data-id="Service/default/web"]').click();
      await expect(graph.locator('.react-flow__node.lit').first()).toBeVisible();
      await page.getByTestId('tab-events').click();
      expect(await textContrast(page), 'text with a route, a hop and a selection').toEqual([]);
      g = await graphicContrast(page, PACKET_COLORS);
      expect(g.low, 'graphics with a route, a hop and a selection').toEqual([]);
      for (const m of [
        'edge-route route-',
        'edge-route-burst',
        ' lit',
        ' edge-endpoint',
        'not-ready pod',
        'terminating pod',
        'ghost',
      ])
        expect(
          g.measured.some((x) => x.includes(m)),
          `${m} measured`,
        ).toBe(true);
      await shot(page, testInfo, `contrast-${colorScheme}`);

      // Presenting: the graph and the inspector in large type.
      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.locator('.app.presenting')).toBeVisible();
      expect(await textContrast(page), 'text presenting').toEqual([]);
      g = await graphicContrast(page, PACKET_COLORS);
      expect(g.low, 'graphics presenting').toEqual([]);
      await shot(page, testInfo, `contrast-${colorScheme}-presenting`);
    });
  });
}
