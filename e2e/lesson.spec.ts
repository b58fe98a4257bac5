import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { scenarioText } from '../src/scenarios/scene-text';
import { editorReady, graphReady, savedScene, setEditorText, shot } from './helpers';

const scene = readFileSync(new URL('../src/lessons/clusterip/scene.yaml', import.meta.url), 'utf8');
// A Korean student's first visit opens the default scene with its comments in Korean.
const scenario = scenarioText(
  {
    file: 'clusterip-three-pods.yaml',
    yaml: readFileSync(new URL('../src/scenarios/clusterip-three-pods.yaml', import.meta.url), 'utf8'),
  },
  'ko',
);

/** What the page saved: the open lesson's scene (in the page's record), else the open workspace's. */
const saved = (page: Page) => page.evaluate(savedScene);

test.use({ locale: 'ko-KR' });

// A Korean student takes the first lesson from the start to its challenge and comes back to it.
test('a student completes a lesson in Korean: predict, send, check fails, fix the YAML, check passes, reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000); // thirty requests checked twice, a reload: long on a busy machine
  await page.goto('/');
  await graphReady(page);
  // The empty inspector shows a newcomer the way into the course.
  await page.getByRole('button', { name: '레슨 과정 열기' }).click();
  await expect(page.getByRole('tab', { name: '레슨' })).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('lesson-item-clusterip').click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('ClusterIP와 셀렉터');
  await expect(panel).toContainText('4단계 중 1단계');
  const graph = page.getByTestId('topology');
  await expect(graph).toContainText('엔드포인트 0개 중 0개 준비됨', { timeout: 15_000 });
  // The step points at the Service's selector: marked in the graph and in the YAML.
  await expect(page.locator('.react-flow__node.lesson-mark')).toHaveCount(1);
  await expect(page.locator('.yaml-lesson-field').first()).toBeVisible();
  await shot(page, testInfo, 'step-1');

  // Step 2: predict before sending.
  await panel.getByRole('button', { name: /다음/ }).click();
  await expect(page.getByTestId('request-to')).toHaveValue('http://web');
  await panel.getByLabel('연결이 바로 거부된다').check();
  await panel.getByRole('button', { name: '보내고 확인하기' }).click();
  const verdict = panel.getByTestId('lesson-verdict');
  await expect(verdict).toContainText('맞았습니다: 연결이 바로 거부된다', { timeout: 15_000 });
  await expect(verdict).toContainText('REJECT');
  await shot(page, testInfo, 'prediction');
  // The request was sent: the inspector follows it.
  await panel.getByRole('button', { name: '인스펙터에서 패킷 따라가기' }).click();
  await expect(page.getByRole('tab', { name: '인스펙터' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('hop-counter')).toBeVisible();
  await page.getByRole('tab', { name: '레슨' }).click();

  // The challenge fails on the starting scene, with what is missing.
  await panel.getByRole('button', { name: '챌린지' }).click();
  await panel.getByRole('button', { name: '확인하기' }).click();
  const result = panel.getByTestId('challenge-result');
  await expect(result).toContainText('아직 통과하지 못했습니다', { timeout: 20_000 });
  await expect(result.getByTestId('challenge-check-row').first()).toContainText(
    '요청 30개 모두 app=web 파드가 200으로 답한다',
  );
  await expect(result.locator('.check-fail')).toHaveCount(2);

  // The hints, one at a time, three at most.
  for (const n of [1, 2, 3]) {
    await panel.getByTestId('hint-next').click();
    await expect(panel.getByTestId('hints').locator('li')).toHaveCount(n);
  }
  await expect(panel.getByTestId('hint-next')).toHaveCount(0);
  await expect(panel.getByTestId('hints')).toContainText('spec.selector');
  await shot(page, testInfo, 'check-fails');

  // Fix the selector in the editor; the check passes.
  const fixed = scene.replace(/app: webapp/g, 'app: web');
  expect(fixed).not.toBe(scene);
  await setEditorText(page, fixed);
  await expect(graph).toContainText('엔드포인트 3개 중 3개 준비됨', { timeout: 15_000 });
  await expect(panel).toContainText('이 결과를 본 뒤에 YAML을 고쳤습니다');
  await panel.getByRole('button', { name: '확인하기' }).click();
  await expect(result).toContainText('통과', { timeout: 20_000 });
  await expect(result.locator('.check-pass')).toHaveCount(2);
  await expect(panel).toContainText('레슨을 마쳤습니다.');
  await expect(panel.getByRole('button', { name: /다음 레슨: port와 targetPort/ })).toBeVisible();
  await shot(page, testInfo, 'check-passes');

  // A reload keeps the lesson, its page, the fixed YAML and the progress.
  await page.reload();
  await editorReady(page);
  await expect(page.getByRole('tab', { name: '레슨' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('lesson-page-title')).toHaveText('챌린지');
  await expect(panel).toContainText('통과한 적 있음');
  expect((await saved(page)).files).toEqual([{ name: 'scene.yaml', text: fixed }]);
  await panel.getByRole('button', { name: /레슨 목록/ }).click();
  const item = page.getByTestId('lesson-item-clusterip');
  await expect(item).toContainText('완료');
  await expect(item).toContainText('4단계 중 2단계 봄'); // steps 1 and 2; the student jumped to the challenge
  await shot(page, testInfo, 'after-reload');

  // Leaving the lesson gives the student's manifests back.
  await page.getByTestId('lesson-picker-back').click();
  await panel.getByTestId('lesson-leave').click();
  await expect(page.getByRole('tab', { name: '인스펙터' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await saved(page)).files).toEqual([{ name: 'scene.yaml', text: scenario }]);
});

test('an instructor’s lesson file opens, or says where it is wrong', async ({ page }) => {
  test.setTimeout(120_000); // two builds and a reload: long on a busy machine
  await page.goto('/');
  await graphReady(page);
  await page.getByRole('tab', { name: '레슨' }).click();
  // The course (and the lessons' part of the engine) loads after the first graph; until then the button
  // that opens a file is disabled, as it is for a student.
  await expect(page.locator('.lesson-file button')).toBeEnabled({ timeout: 20_000 });
  const input = page.getByTestId('lesson-file-input');

  const bad = 'format: svclab.lesson/v1\nid: Mine\ntitle: { en: Mine }\n';
  await input.setInputFiles({ name: 'mine.lesson.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  const errors = page.getByTestId('lesson-errors');
  await expect(errors).toContainText('mine.lesson.yaml 파일은 레슨으로 열 수 없습니다');
  await expect(errors).toContainText('2행');
  await expect(errors.locator('.lesson-error-field', { hasText: /^id$/ })).toBeVisible();
  await expect(errors.locator('.lesson-error-field', { hasText: 'title.ko' })).toBeVisible();
  // What is wrong is said in the page's language too (the field names stay as written).
  await expect(errors).toContainText('꼭 있어야 하는 필드가 없습니다');

  const good = [
    'format: svclab.lesson/v1',
    'id: mine',
    'title: { en: My lesson, ko: 내 레슨 }',
    'summary: { en: Mine., ko: 내 레슨입니다. }',
    'concepts: [ClusterIP, selectors]',
    'scene: [a.yaml, b.yaml]',
    'steps:',
    '  - text: { en: Look at web., ko: web을 보세요. }',
    "    highlight: ['Service/default/web']",
    'files:',
    '  a.yaml: |',
    '    apiVersion: v1',
    '    kind: Service',
    '    metadata: { name: web }',
    '    spec: { selector: { app: web }, ports: [{ port: 80 }] }',
    '  b.yaml: |',
    '    apiVersion: v1',
    '    kind: Pod',
    '    metadata: { name: web-0, labels: { app: web } }',
    '    spec: { containers: [{ name: c, image: nginx }] }',
    '',
  ].join('\n');
  await input.setInputFiles({ name: 'mine.lesson.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('내 레슨');
  await expect(page.getByTestId('lesson-errors')).toHaveCount(0);
  await expect(page.getByTestId('topology')).toContainText('web-0', { timeout: 15_000 });
  await expect(page.locator('.react-flow__node.lesson-mark')).toHaveCount(1);
  // Kept across a reload, listed after the course.
  await page.reload();
  await expect(panel.getByTestId('lesson-title')).toHaveText('내 레슨', { timeout: 30_000 });
  await panel.getByRole('button', { name: /레슨 목록/ }).click();
  await expect(page.getByTestId('lesson-item-user:mine')).toContainText('파일에서 불러옴: mine.lesson.yaml');
});
