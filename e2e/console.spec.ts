import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { graphReady, shot } from './helpers';

const scenarioFile = new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url).pathname;
const cli = new URL('../bin/svclab.mjs', import.meta.url).pathname;
const cliBuilt = existsSync(new URL('../dist-cli/main.js', import.meta.url));

/** The same line through the `svclab` CLI (one interpreter for both), when the CLI is built. */
function viaCli(line: string[]): string | null {
  if (!cliBuilt) return null;
  try {
    return execFileSync(process.execPath, [cli, '-f', scenarioFile, ...line], { encoding: 'utf8' });
  } catch (e) {
    return (e as { stdout?: string }).stdout ?? null;
  }
}

test('the console runs get svc and nslookup in a pod, with history and suggestions', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  // The Service's ClusterIP as the graph shows it: the console must print the same address.
  const serviceBox = page.locator('[data-testid="topology"] .g-service', { hasText: 'web' });
  const clusterIP = /^(10\.\d+\.\d+\.\d+)$/.exec(
    (await serviceBox.locator('.g-mono').first().textContent())?.trim() ?? '',
  )?.[1];
  expect(clusterIP).toBeTruthy();

  const input = page.getByTestId('console-input');
  const entries = page.getByTestId('console-entry');
  await input.fill('get svc');
  await input.press('Enter');
  const getSvc = entries.last();
  await expect(getSvc).toContainText('CLUSTER-IP', { timeout: 10_000 });
  const table = (await getSvc.locator('pre').first().textContent()) ?? '';
  expect(table.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
  expect(table).toMatch(
    new RegExp(`^web\\s+ClusterIP\\s+${clusterIP!.replace(/\./g, '\\.')}\\s+<none>\\s+80/TCP\\s`, 'm'),
  );
  const cliTable = viaCli(['get', 'svc']);
  if (cliTable !== null) expect(table).toBe(cliTable);

  await input.fill('exec client -- nslookup web');
  await input.press('Enter');
  const lookup = entries.last();
  await expect(lookup).toContainText('Name:', { timeout: 10_000 });
  const answer = (await lookup.locator('pre').first().textContent()) ?? '';
  expect(answer).toContain('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n');
  expect(answer).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${clusterIP}\n`);
  const cliLookup = viaCli(['exec', 'client', '--', 'nslookup', 'web']);
  if (cliLookup !== null) expect(answer).toBe(cliLookup);
  await shot(page, testInfo, 'console-nslookup');

  // ↑ recalls the previous lines, newest first.
  await input.press('ArrowUp');
  await expect(input).toHaveValue('exec client -- nslookup web');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('get svc');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');

  // A suggestion chip for this scene runs the rules dump of the client's node; long output scrolls.
  await page.locator('.console-chips .chip', { hasText: '-- iptables-save' }).click();
  await expect(entries.last()).toContainText('-A KUBE-SERVICES', { timeout: 10_000 });
  const out = page.getByTestId('console-out');
  expect(await out.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

  await input.fill('clear');
  await input.press('Enter');
  await expect(entries).toHaveCount(0);
});
