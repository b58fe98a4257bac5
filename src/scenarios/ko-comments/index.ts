/**
 * The Korean text of every comment of the built-in scenes: a table per scenario file, and the lessons'
 * scene files in lessons.ts. ko-comments.test.ts checks that every comment has its Korean.
 */
import type { CommentTable } from '../localize';
import { clientIpAndKeepalive } from './client-ip-and-keepalive';
import { clusteripThreePods } from './clusterip-three-pods';
import { dnsAndEnv } from './dns-and-env';
import { externalname } from './externalname';
import { headlessVsNormal } from './headless-vs-normal';
import { hostportVsNodeport } from './hostport-vs-nodeport';
import { ingress } from './ingress';
import { ipvsSchedulerMyth } from './ipvs-scheduler-myth';
import { loadbalancerIpMode } from './loadbalancer-ip-mode';
import { loadbalancer } from './loadbalancer';
import { nodeportLocalVsCluster } from './nodeport-local-vs-cluster';
import { readiness } from './readiness';
import { sessionAffinity } from './session-affinity';

export { lessonCommentsKo } from './lessons';

/** Each scenario file's table, by file name ("clusterip-three-pods.yaml"). */
export const scenarioCommentsKo: Readonly<Record<string, CommentTable>> = {
  'client-ip-and-keepalive.yaml': clientIpAndKeepalive,
  'clusterip-three-pods.yaml': clusteripThreePods,
  'dns-and-env.yaml': dnsAndEnv,
  'externalname.yaml': externalname,
  'headless-vs-normal.yaml': headlessVsNormal,
  'hostport-vs-nodeport.yaml': hostportVsNodeport,
  'ingress.yaml': ingress,
  'ipvs-scheduler-myth.yaml': ipvsSchedulerMyth,
  'loadbalancer-ip-mode.yaml': loadbalancerIpMode,
  'loadbalancer.yaml': loadbalancer,
  'nodeport-local-vs-cluster.yaml': nodeportLocalVsCluster,
  'readiness.yaml': readiness,
  'session-affinity.yaml': sessionAffinity,
};
