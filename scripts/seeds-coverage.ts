/**
 * Writes docs/seeds-coverage.md from src/lessons/seeds-coverage.yaml and checks that every row's quote is
 * the seed note's own words (the notes live in /work/shared/seeds, outside the repository; SEEDS_DIR
 * names another folder). Exit 1 when a quote is not found in its note.
 *
 *   npx tsx scripts/seeds-coverage.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCoverage, renderCoverage, seedFile } from '../src/lessons/seeds-coverage-md';

const root = join(import.meta.dirname, '..');
const rows = parseCoverage(readFileSync(join(root, 'src/lessons/seeds-coverage.yaml'), 'utf8'));
writeFileSync(join(root, 'docs/seeds-coverage.md'), renderCoverage(rows));

const seeds = process.env.SEEDS_DIR ?? '/work/shared/seeds';
if (!existsSync(seeds)) {
  console.log(`docs/seeds-coverage.md written; ${seeds} not found, quotes not checked`);
} else {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const wrong = rows.filter((r) => {
    const file = seedFile(r.seed);
    return !file || !flat(readFileSync(join(seeds, file), 'utf8')).includes(flat(r.quote));
  });
  for (const r of wrong) console.error(`${r.id}: the quote is not in seed ${r.seed}`);
  console.log(`docs/seeds-coverage.md written; ${rows.length - wrong.length}/${rows.length} quotes found`);
  if (wrong.length > 0) process.exitCode = 1;
}
