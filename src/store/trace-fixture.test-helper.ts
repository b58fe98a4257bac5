/**
 * A request's trace for the playback tests (timeline, playhead selectors, the clock): hops with one packet
 * of a pod asking a ClusterIP, delivered with a 200. Only what these tests read is filled in.
 *
 * @example
 * const trace = deliveredTrace([testHop('pod/default/client', 'send', 'client'), testHop('pod/default/web-1', 'deliver', 'pod')]);
 */
import type { Hop, Trace } from '../engine';

/** One hop at `location` (a node's forward unless said otherwise). */
export const testHop = (
  location: string,
  action: Hop['action'] = 'forward',
  stage: Hop['stage'] = 'node',
): Hop => ({
  stage,
  location,
  action,
  packet: { src: '10.244.0.5:40000', dst: '10.96.0.10:80', protocol: 'TCP' },
});

/** A delivered request over these hops. */
export const deliveredTrace = (hops: Hop[]): Trace => ({
  outcome: 'delivered',
  explanation: { id: 'sim.loop', params: {} },
  response: { status: 200, body: 'ok' },
  backend: null,
  sourceSeenByBackend: null,
  hops,
});
