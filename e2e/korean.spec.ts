import { test, expect, type Locator } from '@playwright/test';
import { graphReady, pickScenario, shot } from './helpers';

/** Hangul syllables: a Korean sentence has some; a raw English engine string has none. */
const HANGUL = /[\uac00-\ud7a3]/;
const SCENARIOS = [
  'clusterip-three-pods',
  'nodeport-local-vs-cluster',
  'headless-vs-normal',
  'loadbalancer',
  'session-affinity',
  'readiness',
  'ingress',
  'dns-and-env',
  'externalname',
  'ipvs-scheduler-myth',
  'hostport-vs-nodeport',
  'loadbalancer-ip-mode',
  'client-ip-and-keepalive',
];

/** The element renders a catalogue message in Korean: it carries a message id and Korean text. */
async function expectKoreanMessage(el: Locator, where: string): Promise<void> {
  await expect(el, where).toHaveAttribute('data-msg-id', /^[a-z][a-zA-Z0-9]*\./);
  const text = (await el.textContent()) ?? '';
  expect(text, `${where}: ${text}`).toMatch(HANGUL);
  expect(text, where).not.toMatch(/^[a-z][a-zA-Z0-9]*\.[\w.-]+ \{/); // an unknown id rendered as data
}

test.use({ locale: 'ko-KR' });

test('in Korean, every scenario explains its request and every hop in Korean', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await graphReady(page);
  if ((await page.locator('html').getAttribute('lang')) !== 'ko')
    await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '보내기' })).toBeVisible();

  for (const id of SCENARIOS) {
    await pickScenario(page, id);
    await graphReady(page);
    await page.getByRole('button', { name: '보내기' }).click();
    const counter = page.getByTestId('hop-counter');
    await expect(counter, id).toBeVisible({ timeout: 20_000 });

    // Every hop that has a note, from the first to the last; then the outcome and its explanation.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.getByRole('button', { name: '이전 홉' }).click();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    await expect(counter).toContainText(/홉 1\/(\d+)/);
    const total = Number(/\/(\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
    expect(total, id).toBeGreaterThan(0);
    let notes = 0;
    for (let n = 1; n <= total; n++) {
      if (n > 1) await page.keyboard.press('ArrowRight');
      await expect(counter).toContainText(`홉 ${n}/${total}`);
      if ((await page.getByTestId('hop-note').count()) === 0) continue;
      notes++;
      // The message itself, not the Korean label beside it.
      await expectKoreanMessage(
        page.locator('[data-testid="hop-note"] > span[data-msg-id]'),
        `${id}: hop ${n}`,
      );
    }
    expect(notes, `${id}: hops with a note`).toBeGreaterThan(0);
    await expect(page.getByTestId('outcome'), id).toBeVisible();
    await expectKoreanMessage(page.getByTestId('explanation'), `${id}: explanation`);
    if (id === 'clusterip-three-pods' || id === 'ingress') await shot(page, testInfo, `ko-${id}`);
  }
});

test('in Korean, the console speaks Korean around the tools it imitates', async ({ page }, testInfo) => {
  await page.goto('/');
  await graphReady(page);
  if ((await page.locator('html').getAttribute('lang')) !== 'ko')
    await page.getByRole('button', { name: '한국어' }).click();
  await pickScenario(page, 'ipvs-scheduler-myth');
  await graphReady(page);
  const input = page.getByTestId('console-input');
  const entries = page.getByTestId('console-entry');

  // svclab's own lint, in Korean, with its hint.
  await input.fill('validate');
  await input.press('Enter');
  const lint = entries.last();
  await expect(lint).toContainText('어노테이션은 아무 효과가 없습니다', { timeout: 10_000 });
  await expect(lint).toContainText('힌트: IPVS 스케줄러는 노드 전체에 적용되는 kube-proxy 설정입니다');

  // The imitated tool stays as the tool prints it.
  await input.fill('get svc');
  await input.press('Enter');
  const table = entries.last();
  await expect(table).toContainText('CLUSTER-IP', { timeout: 10_000 });
  expect((await table.textContent()) ?? '').not.toMatch(HANGUL);
  await shot(page, testInfo, 'ko-console');
});
