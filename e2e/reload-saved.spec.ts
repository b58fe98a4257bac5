import { test, expect } from '@playwright/test';
import { editorReady, graphReady } from './helpers';

// A student who used an older svclab comes back: the work saved by it (store version 1, where the
// request bar was saved as { from, to, protocol: 'dns', count }) opens as they left it.
test('a save from an older svclab opens with its YAML and its request', async ({ page }) => {
  const yaml = [
    '# my own scene',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: probe',
    '  labels: { app: probe }',
    'spec:',
    '  containers:',
    '    - name: c',
    '      image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: lookup-me',
    'spec:',
    '  selector: { app: probe }',
    '  ports: [{ port: 80 }]',
    '',
  ].join('\n');
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const request = { from: 'pod/default/probe', to: 'lookup-me', protocol: 'dns', count: 1 };
    const state = { text, scenarioId: null, edited: true, locale: 'en', request };
    localStorage.setItem('svclab:v1', JSON.stringify({ state, version: 1 }));
  }, yaml);
  await page.goto('/');
  await editorReady(page);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('my own scene');
  await graphReady(page);
  await expect(page.getByTestId('request-from')).toHaveValue('pod/default/probe');
  await expect(page.getByTestId('request-to')).toHaveValue('lookup-me');
  await expect(page.getByLabel('Protocol')).toHaveValue('dns');

  // The carried-forward request still does what it did: Send looks the name up.
  await page.locator('form.request-bar button[type="submit"]').click();
  // The lookup's queries play first; nslookup's answer comes with the outcome.
  await expect(page.getByText(/Name:\s+lookup-me\.default\.svc\.cluster\.local/)).toBeVisible({
    timeout: 30_000,
  });

  // And it is saved again in this version's shape, so the next reload keeps it too.
  await page.reload();
  await expect(page.getByTestId('request-to')).toHaveValue('lookup-me');
  await expect(page.getByLabel('Protocol')).toHaveValue('dns');
});
