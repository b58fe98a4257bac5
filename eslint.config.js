import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine must stay pure and deterministic (architecture principle 1): no UI libraries, no DOM,
// no wall clock, no timers, no unseeded randomness. Enforced here and by tsconfig.engine.json (no DOM lib).
const engineRestrictions = {
  files: ['src/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          'react',
          'react-dom',
          'zustand',
          '@xyflow/react',
          'monaco-editor',
          'monaco-yaml',
          'comlink',
        ].map((name) => ({ name, message: 'src/engine is pure: no UI or worker libraries.' })),
        patterns: [
          {
            group: ['node:*', 'fs', 'path', 'os', 'child_process'],
            message: 'src/engine runs in the browser too.',
          },
          {
            group: ['**/app/**', '**/features/**', '**/store/**', '**/worker/**'],
            message: 'imports point one way: app → engine.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
        'performance',
        'process',
      ].map((name) => ({ name, message: 'src/engine is pure: pass time and effects in.' })),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'use the seeded PRNG from src/engine/util/rng.ts' },
      { object: 'Date', property: 'now', message: 'use the simulated clock passed in' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'new Date() reads the wall clock: use the simulated clock (new Date(instant) is fine)',
      },
    ],
  },
};

// The engine has one public face (architecture principle 13): the page, the worker and the CLI reach it
// through src/engine/index.ts only. Tests may import internals; the editor's JSON schema is data; the
// Korean particle picker (messages/josa.ts, a leaf) serves the page's catalogue without loading the engine;
// engine/core.ts is the first build's part of that face, which the engine worker's own script imports
// (docs/architecture.md, "The engine in the page's worker: two parts").
const enginePublicFace = {
  files: ['src/**/*.ts', 'src/**/*.tsx'],
  ignores: ['src/engine/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex:
              '(^|/)engine/(?!index$|core$|messages/josa$|manifest/k8s-schema\\.json$|manifest/crd/gateway-api-schema\\.json$).+',
            message: 'import the engine through its public face, src/engine/index.ts',
          },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector:
          "CallExpression[callee.object.meta.name='import'][callee.property.name='glob'] Literal[value=/engine\\//]",
        message: 'import the engine statically from src/engine/index.ts; nothing is looked up by name',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-cli', 'test-results', 'playwright-report', '.test-out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts', 'src/features/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  engineRestrictions,
  enginePublicFace,
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
