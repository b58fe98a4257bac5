import { describe, expect, it } from 'vitest';
import { buildCluster, createWorld, runCommand, sourcesOf } from '../engine';
import { builtinLessons } from '../lessons';
import { stepCommand } from './lesson-model';
import { hasPlaceholder } from './suggested-target';

const seed = 1;

// A step's console line may name an address the cluster allocates ({lb:…}, {nodeIP:…}) as its request
// does; the lesson panel showed it raw ("http://{lb:ingress-nginx/ingress-nginx-controller}/") and the
// console could not run it. Found by the seed-notes coverage work (session 8).
describe('a lesson step’s command as the panel shows it', () => {
  const { lessons } = builtinLessons();
  const withPlaceholders = lessons.flatMap((lesson) =>
    lesson.steps
      .map((step, index) => ({ lesson, index, command: step.command }))
      .filter((s): s is typeof s & { command: string } => !!s.command && hasPlaceholder(s.command)),
  );

  it('covers the built-in steps that name allocated addresses (the ingress lesson among them)', () => {
    expect(withPlaceholders.some(({ lesson }) => lesson.id === 'ingress')).toBe(true);
  });

  it('fills every placeholder from the lesson’s own scene, and the filled line runs', () => {
    for (const { lesson, index, command } of withPlaceholders) {
      const built = buildCluster(sourcesOf(lesson, lesson.scene), { seed });
      const line = stepCommand(command, built.cluster);
      const where = `${lesson.id} step ${index + 1}: ${line}`;
      expect(hasPlaceholder(line), where).toBe(false);
      const out = runCommand(line, { ...built, world: createWorld(seed), json: false, lang: 'en' });
      expect(out.exitCode, `${where}\n${out.stderr}`).not.toBe(2);
    }
  });

  it('stays as written before the cluster is built', () => {
    const { command } = withPlaceholders[0]!;
    expect(stepCommand(command, null)).toBe(command);
  });
});
