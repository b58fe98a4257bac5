#!/usr/bin/env node
// The `svclab` command line: a thin Node adapter over the engine (built into dist-cli/ by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, '..', 'dist-cli', 'main.js');
if (!existsSync(built)) {
  process.stderr.write(
    'svclab: the CLI is not built yet. Run `npm ci && npm run build` in the repository root first.\n',
  );
  process.exit(2);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
