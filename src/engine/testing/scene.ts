/**
 * Runs command lines against a YAML scene through the one interpreter (runCommand), as the CLI and the
 * console do: the contract tests' only door into the engine.
 *
 * @example
 * const s = scene(yaml);
 * s.json('get svc web -o json').items[0].spec.clusterIP; // "10.96.…"
 */
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { CommandEnv, CommandResult } from '../commands/types';
import type { Diagnostic } from '../diagnostics';
import { createWorld } from '../world';

export interface Scene {
  env: CommandEnv;
  /** Runs one command line; the world (clock, conntrack, affinity) persists between calls. */
  run(line: string): CommandResult;
  /** Runs a command line that must print JSON (add `-o json` yourself) and parses it. */
  json<T = any>(line: string): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** `yaml` is one file (one kubectl apply); a list is several files, applied in order (apply-1.yaml, …). */
export function scene(yaml: string | string[], seed = 1): Scene {
  const s = sceneWithErrors(yaml, seed);
  if (s.errors.length > 0) throw new Error(`scene has errors: ${s.errors.map((d) => d.message).join('; ')}`);
  return s;
}

/**
 * The scene as the CLI runs it, error diagnostics and all (the cluster is still built from what was
 * admitted): for tests of what a refused object does to the cluster.
 */
export function sceneWithErrors(yaml: string | string[], seed = 1): Scene & { errors: Diagnostic[] } {
  const files =
    typeof yaml === 'string'
      ? [{ file: 'scene.yaml', text: yaml }]
      : yaml.map((text, i) => ({ file: `apply-${i + 1}.yaml`, text }));
  const built = buildCluster(files, { seed });
  const env: CommandEnv = {
    cluster: built.cluster,
    world: createWorld(seed),
    diagnostics: built.diagnostics,
    sources: files,
    objects: built.objects,
    json: false,
    lang: 'en',
  };
  const run = (line: string): CommandResult => runCommand(line, env);
  return {
    env,
    run,
    errors: built.diagnostics.filter((d) => d.severity === 'error'),
    json(line) {
      const r = run(line);
      try {
        return JSON.parse(r.stdout);
      } catch {
        throw new Error(`not JSON from "${line}" (exit ${r.exitCode}): ${r.stdout}${r.stderr}`);
      }
    },
  };
}

/** A Deployment's YAML: `replicas` pods labelled app=<name> with the given container ports. */
export function deployment(
  name: string,
  replicas: number,
  ports = '[{ name: http, containerPort: 8080 }]',
  ns = 'default',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: agnhost, ports: ${ports} }] }
`;
}

/**
 * Two Pods most kube-proxy contract tests start from: `web` (app=web, port 80) on node-2 and `client` on
 * node-1, so a request from the client crosses nodes and node-1 has no local endpoint.
 */
export const WEB_AND_CLIENT_PODS: readonly string[] = [
  `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  nodeName: node-2
  containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }]
`,
  `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  nodeName: node-1
  containers: [{ name: c, image: busybox }]
`,
];
