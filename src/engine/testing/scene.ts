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
  const files =
    typeof yaml === 'string'
      ? [{ file: 'scene.yaml', text: yaml }]
      : yaml.map((text, i) => ({ file: `apply-${i + 1}.yaml`, text }));
  const built = buildCluster(files, { seed });
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`scene has errors: ${errors.map((d) => d.message).join('; ')}`);
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
