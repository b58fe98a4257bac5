/**
 * Every message group in one catalogue. A new area of the engine adds its group file beside this one
 * (`<area>.ts`, written with defineMessages) and spreads it here; ids are prefixed with the area
 * (`sim.`, `dns.`, `lint.`, `lesson.` …) so groups never collide (a test checks it).
 */
import { api } from './api';
import { apiserver } from './apiserver';
import { apply } from './apply';
import { cli } from './cli';
import { cliHelp } from './cli-help';
import { cliInput } from './cli-input';
import { common } from './common';
import { distribution } from './distribution';
import { dns } from './dns';
import { dualStack } from './dual-stack';
import { dnsExplain } from './dns-explain';
import { edit } from './edit';
import { gateway } from './gateway';
import { gatewayLint } from './gateway-lint';
import { gatewayTls } from './gateway-tls';
import { ingress } from './ingress';
import { lesson } from './lesson';
import { lessonFormat } from './lesson-format';
import { limit } from './limit';
import { listen } from './listen';
import { lint } from './lint';
import { lintIngress } from './lint-ingress';
import { proxy } from './proxy';
import { sim } from './sim';
import { simLb } from './sim-lb';
import { simPath } from './sim-path';
import { simTopology } from './sim-topology';
import { simVip } from './sim-vip';
import { workload } from './workload';
import { timeline } from './timeline';
import { usage } from './usage';

export const groups = {
  api,
  common,
  apiserver,
  apply,
  cli,
  cliHelp,
  cliInput,
  distribution,
  dns,
  dnsExplain,
  dualStack,
  edit,
  ingress,
  lesson,
  lessonFormat,
  limit,
  listen,
  lint,
  lintIngress,
  proxy,
  sim,
  simPath,
  simLb,
  simTopology,
  simVip,
  gateway,
  gatewayLint,
  gatewayTls,
  workload,
  timeline,
  usage,
};

export const catalog = {
  ...api,
  ...common,
  ...apiserver,
  ...apply,
  ...cli,
  ...cliHelp,
  ...cliInput,
  ...distribution,
  ...dns,
  ...dnsExplain,
  ...dualStack,
  ...edit,
  ...ingress,
  ...lesson,
  ...lessonFormat,
  ...limit,
  ...listen,
  ...lint,
  ...lintIngress,
  ...proxy,
  ...sim,
  ...simPath,
  ...simLb,
  ...simTopology,
  ...simVip,
  ...gateway,
  ...gatewayLint,
  ...gatewayTls,
  ...workload,
  ...timeline,
  ...usage,
};

export type Catalog = typeof catalog;
export type MsgId = keyof Catalog & string;
/** The parameters of message `K`, as its definition declares them. */
export type ParamsOf<K extends MsgId> = Parameters<Catalog[K]['en']>[0];
