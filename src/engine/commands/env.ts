/**
 * `exec POD [-c CONTAINER] -- env`: the container's environment as `env` prints it: the image's PATH,
 * HOSTNAME (set by the container runtime), kubelet's variables (the container's own first, then the
 * Service variables of Services that existed when the pod was created), and HOME.
 * `-o json` prints the CLI contract's `{ "env": { … } }`, plus `sources`: each variable's origin
 * (`service`, `container` or `runtime`).
 */
import { podEnvironment } from '../discovery/env-vars';
import { podHostnameValue } from '../discovery/hosts-file';
import type { Pod } from '../k8s/objects';
import type { ClusterState } from '../cluster/state';
import type { CommandEnv, CommandResult, PodCommandHandler } from './types';
import { json, ok } from './types';

/** The PATH of a Debian-based image (busybox and dnsutils set the same directories). */
export const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The process environment of a container, in the order `env` prints it.
 *
 * @example
 * containerEnv(cluster, pod)[0]; // ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
 */
export function containerEnv(cluster: ClusterState, pod: Pod, container?: string): [string, string][] {
  const vars = podEnvironment(cluster, pod, container);
  const out = new Map<string, string>([
    ['PATH', IMAGE_PATH],
    ['HOSTNAME', podHostnameValue(cluster, pod)],
  ]);
  // A container variable named PATH or HOSTNAME replaces the runtime's value in place.
  for (const v of vars) out.set(v.name, v.value);
  if (!out.has('HOME')) out.set('HOME', '/root');
  return [...out];
}

/**
 * Runs env in the pod. Arguments other than `-c CONTAINER` are not supported (env with a command).
 *
 * @example
 * env([], cmdEnv, pod).stdout.split('\n')[1]; // "HOSTNAME=web-7c9d8-abcde"
 */
export const env: PodCommandHandler = (args: string[], cmd: CommandEnv, pod): CommandResult => {
  const ci = args.indexOf('-c');
  const container = ci >= 0 ? args[ci + 1] : undefined;
  if (
    container &&
    ![...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container)
  ) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `error: unable to upgrade connection: container not found ("${container}")\n`,
    };
  }
  const vars = containerEnv(cmd.cluster, pod, container);
  if (cmd.json) {
    // Who set each variable (kubelet for a Service, the container's env/envFrom, or the runtime), so a
    // check can tell a Service variable from a hand-written one with the same value.
    const kinds = new Map(podEnvironment(cmd.cluster, pod, container).map((v) => [v.name, v.source.kind]));
    const sources = Object.fromEntries(vars.map(([k]) => [k, kinds.get(k) ?? 'runtime']));
    return ok(json({ env: Object.fromEntries(vars), sources }, cmd.lang));
  }
  return ok(vars.map(([k, v]) => `${k}=${v}\n`).join(''));
};
