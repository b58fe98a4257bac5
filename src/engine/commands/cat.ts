/**
 * `exec POD -- cat FILE…` for the files kubelet writes into a pod's network view: /etc/resolv.conf
 * (from dnsPolicy and dnsConfig), /etc/hosts (the pod's hostname entries and hostAliases) and
 * /etc/hostname. Any other path does not exist in the simulated container.
 */
import { hostsFile, podHostnameValue } from '../discovery/hosts-file';
import { formatResolvConf, podResolvConf } from '../discovery/resolv-conf';
import type { CommandResult, PodCommandHandler } from './types';
import { json } from './types';

/**
 * Runs cat in the pod.
 *
 * @example
 * cat(['/etc/resolv.conf'], env, pod).stdout;
 * // "search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
 */
export const cat: PodCommandHandler = (args, env, pod): CommandResult => {
  // A Map: the path is user input, and `constructor` is no file even though every object has one.
  const files = new Map<string, () => string>([
    ['/etc/resolv.conf', () => formatResolvConf(podResolvConf(env.cluster, pod))],
    ['/etc/hosts', () => hostsFile(env.cluster, pod)],
    ['/etc/hostname', () => `${podHostnameValue(env.cluster, pod)}\n`],
  ]);
  let stdout = '';
  let stderr = '';
  const contents = new Map<string, string>();
  for (const path of args.filter((a) => a !== '--')) {
    const norm = path.replace(/\/{2,}/g, '/');
    const read = files.get(norm);
    if (read) {
      const text = read();
      contents.set(path, text);
      stdout += text;
    } else stderr += `cat: ${path}: No such file or directory\n`;
  }
  if (env.json)
    stdout = json(
      {
        files: Object.fromEntries(contents),
        ...(stderr ? { errors: stderr.trim().split('\n') } : {}),
      },
      env.lang,
    );
  return { exitCode: stderr ? 1 : 0, stdout, stderr };
};
