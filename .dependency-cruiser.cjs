// The import graph's shape (architecture principles 8 and 14; docs/architecture.md draws it).
// `npm run lint:deps` checks it; `npm run lint` and `npm test` (scripts/test-all.mjs) run it. Every arrow points down a layer
// (skipping layers is fine); nothing imports a layer above its own, siblings do not import each other,
// and there are no cycles. Type-only imports count: a type in the wrong file is an arrow the wrong way.
//
// Tests and test kits may import anything (a cluster test builds its scene through the real builder).

/** Files that only tests use: exempt from the layer rules (not from no-circular). */
const TESTS = '(\\.test\\.tsx?$|/testing/|\\.test-util\\.ts$|\\.test-helper\\.ts$)';

/**
 * The page and the CLI, top to bottom. Each entry is [name, path pattern]; an entry may import the
 * entries below it, never those above.
 */
const APP_LAYERS = [
  ['app', '^src/app/'],
  ['cli', '^src/cli/'],
  // Features render; the i18n hooks and components (index.ts, *.tsx) read the locale from the store, so
  // they sit with them.
  ['features', '^src/(features/|i18n/(index\\.ts|[^/]+\\.tsx)$)'],
  // DOM helpers the features share (text measurement): no feature, no store.
  ['ui', '^src/ui/'],
  ['store', '^src/store/'],
  ['worker', '^src/worker/'],
  // Named scenes and lessons: data the page, the CLI and the tests read; only the engine below them.
  ['content', '^src/(scenarios|lessons)/'],
  // The UI's catalogues (no imports but each other).
  ['i18n', '^src/i18n/(?!index\\.ts$)[^/]+\\.ts$'],
  ['engine', '^src/engine/'],
];

/**
 * Inside the engine, top to bottom. Entries in one group are siblings: they may import what is below
 * the group, not each other.
 */
const ENGINE_LAYERS = [
  // The public face, and the fuzzer (scripts/fuzz.ts and its test drive it; nothing in the engine may).
  [
    ['public', '^src/engine/index\\.ts$'],
    ['fuzz', '^src/engine/fuzz/'],
  ],
  // The first build's face (issue 17, cold load): what the page's worker loads before its first build.
  [['core', '^src/engine/core\\.ts$']],
  [['lessons', '^src/engine/lessons/']],
  [['commands', '^src/engine/commands/']],
  // The scene's timeline: the cluster at an instant, after the faults' reactions (below the commands).
  [['timeline', '^src/engine/timeline/']],
  // The data path and the world it runs in (clock, conntrack, PRNG, per-mode proxy state).
  [['simulate', '^src/engine/(simulate/|world\\.ts$)']],
  // The composition root: YAML → admitted objects → cluster core + each area's system objects and lints;
  // and libraries.ts, which fills the slots of the libraries that load apart (util/library-slot.ts).
  [['build', '^src/engine/(build|workspace|libraries)(/|\\.ts$)']],
  [
    ['proxy', '^src/engine/proxy/'],
    ['discovery', '^src/engine/discovery/'],
    ['ingress', '^src/engine/ingress/'],
  ],
  [['cluster', '^src/engine/cluster/']],
  [['manifest', '^src/engine/manifest/']],
  // The Kubernetes API's types and helpers, and the leaves every layer may use.
  [
    [
      'k8s and leaves',
      '^src/engine/(k8s/|messages/|util/|net/|trace\\.ts$|diagnostics\\.ts$|raw-modules\\.d\\.ts$)',
    ],
  ],
];

const any = (patterns) => `(${patterns.join('|')})`;

function layerRules() {
  const rules = [];
  APP_LAYERS.forEach(([name, path], i) => {
    const above = APP_LAYERS.slice(0, i).map(([, p]) => p);
    if (above.length === 0) return;
    rules.push({
      name: `layer-${name}`,
      comment: `${name} imports only what is below it (${APP_LAYERS.map(([n]) => n).join(' → ')})`,
      severity: 'error',
      from: { path, pathNot: TESTS },
      to: { path: any(above) },
    });
  });
  ENGINE_LAYERS.forEach((group, i) => {
    const above = ENGINE_LAYERS.slice(0, i).flatMap((g) => g.map(([, p]) => p));
    for (const [name, path] of group) {
      const siblings = group.filter(([n]) => n !== name).map(([, p]) => p);
      const forbidden = [...above, ...siblings];
      if (forbidden.length === 0) continue;
      rules.push({
        name: `engine-${name.replace(/ /g, '-')}`,
        comment:
          `engine/${name} imports only what is below it (` +
          ENGINE_LAYERS.map((g) => g.map(([n]) => n).join(' | ')).join(' → ') +
          ')',
        severity: 'error',
        from: { path, pathNot: TESTS },
        to: { path: any(forbidden), pathNot: TESTS },
      });
    }
  });
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: usually a type living in the wrong file (move it to a types.ts below both).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-kits',
      comment: 'Only tests import the test kits (src/engine/testing/, *.test-util.ts, *.test-helper.ts).',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'features-apart',
      comment: 'Features do not import each other (architecture principle 8): share through the store.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'engine-core-first-build',
      comment:
        'engine/core.ts is what the worker compiles before its first build (issue 17, cold load): it must not ' +
        'reach the command interpreter, the lessons or the data path (they load later, as engine-rest.ts), nor ' +
        'the libraries that load apart (libraries.ts fills their slots: the CRD schemas, CEL and protobuf, RE2, ' +
        'ASN.1/X.509)',
      severity: 'error',
      from: { path: '^src/engine/core\\.ts$' },
      to: {
        path:
          '^(src/engine/(commands/|lessons/|world\\.ts$|libraries\\.ts$|manifest/crd/(cel|registry)\\.ts$|net/x509-der\\.ts$|' +
          'simulate/(?!(request|topology)\\.ts$))|node_modules/(@bufbuild/(cel|protobuf|re2)|asn1js|@peculiar)/)',
        reachable: true,
      },
    },
    {
      name: 'worker-first-build',
      comment:
        "The engine worker's own script takes the engine's values from engine/core.ts only (types may come " +
        'from engine/index.ts); the rest of the engine comes through engine-rest.ts and engine-libs.ts, by ' +
        'dynamic import',
      severity: 'error',
      from: {
        path: '^src/worker/',
        pathNot: `${TESTS}|^src/worker/(engine-rest|engine-libs|lesson-host)\\.ts$`,
      },
      to: { path: '^src/engine/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'worker-rest-dynamic',
      comment:
        'engine-rest.ts (and the lesson calls it serves) and engine-libs.ts (the libraries that load apart) ' +
        'are only ever imported dynamically',
      severity: 'error',
      from: { path: '^src/worker/', pathNot: `${TESTS}|^src/worker/engine-rest\\.ts$` },
      to: {
        path: '^src/worker/(engine-rest|engine-libs|lesson-host)\\.ts$',
        dependencyTypesNot: ['dynamic-import', 'type-only'],
      },
    },
    ...layerRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-cli)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
