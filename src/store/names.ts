/**
 * Names shortened in the middle, so the part that tells objects apart stays: a Deployment's pods differ
 * in their last five characters, not in the ReplicaSet's hash in the middle. The full name goes in a
 * title (hover) and in the inspector.
 *
 * @example
 * shortName('web-579d59c8c7-x7k2q'); // "web-579d…-x7k2q"
 * shortName('default/web-579d59c8c7-x7k2q'); // "web-579d…-x7k2q" (the default namespace is dropped)
 * shortName('a-very-long-service-name-for-billing', 20); // "a-very-lon…r-billing"
 */

/** A Deployment's pod: owner name, ReplicaSet hash (pod-template-hash), random suffix. */
const DEPLOYMENT_POD = /^(.+)-([a-z0-9]{6,10})-([a-z0-9]{5})$/;

export function shortName(name: string, max = 24): string {
  const bare = name.startsWith('default/') ? name.slice('default/'.length) : name;
  const m = DEPLOYMENT_POD.exec(bare);
  if (m && /\d/.test(m[2]!)) {
    const short = `${m[1]}-${m[2]!.slice(0, 4)}…-${m[3]}`;
    if (short.length <= max || m[1]!.length <= max) return short.length < bare.length ? short : bare;
  }
  if (bare.length <= max) return bare;
  const tail = Math.floor((max - 1) / 2);
  return `${bare.slice(0, max - 1 - tail)}…${bare.slice(bare.length - tail)}`;
}
