/**
 * A request's trace for a handout: Markdown a teacher pastes into notes (each hop: where, what happened
 * to the packet, the addresses before and after a NAT rewrite, the rule that decided it, the candidates,
 * why) and JSON in the shape `curl … -o json` prints (docs/cli-contract.md), both in the page's language.
 * Loaded only when the user exports (the engine's message catalogue comes with it).
 *
 * @example
 * traceMarkdown(traces, 0, 'ko'); // "# svclab 요청 기록\n\n**전달됨** …"
 * traceJson(traces, 'en'); // '{ "outcome": "delivered", "explanation": "…", … "hops": [ … ] }'
 */
import { localizeJson, render, type Hop, type Lang, type Trace } from '../../engine';
import { isMessageKey, translate, type MessageKey } from '../../i18n';

/** One trace as `curl -o json` prints it; several as `curl --count N -o json` does (`{ results }`). */
export function traceJson(traces: readonly Trace[], lang: Lang): string {
  const value = traces.length === 1 ? traces[0] : { results: traces };
  return `${JSON.stringify(localizeJson(value, lang), null, 2)}\n`;
}

/** NAT rewrote the packet here: the addresses are written "before → after". */
const isNat = (hop: Hop) =>
  hop.rewrite === 'dnat' || hop.rewrite === 'snat' || hop.rewrite === 'dnat+snat' || hop.rewrite === 'un-nat';

/** Where a rule comes from, in the words of the tool that prints it. */
function ruleSource(hop: Hop): MessageKey {
  if (hop.rule?.startsWith('conntrack')) return 'inspector.rule.conntrack';
  if (hop.rule?.startsWith('-A ')) return 'inspector.rule.iptables';
  if (/^(TCP|UDP|SCTP)\s/.test(hop.rule ?? '') || hop.rule?.includes('->')) return 'inspector.rule.ipvs';
  return 'inspector.rule';
}

/** A fence longer than any run of backticks in the text, so a rule never ends its own block. */
const fence = (text: string) =>
  '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

/** Inline code that survives a backtick inside it. */
const code = (text: string) => {
  const ticks = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return ticks.length > 1 ? `${ticks} ${text} ${ticks}` : `\`${text}\``;
};

/** Text from the engine or the user, kept from being read as Markdown (a pod name with `_`, a `*`). */
const plain = (text: string) => text.replace(/([\\`*_[\]<>])/g, '\\$1');

const percent = (p: number) => `${(p * 100).toFixed(p === 1 || p === 0 ? 0 : 1)}%`;

function hopMarkdown(hop: Hop, n: number, before: Hop | undefined, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const where = hop.location.replace(/^(node|pod|lb)\//, '');
  const stageKey = `stage.${hop.stage}`;
  const label = hop.rewrite && hop.rewrite !== 'none' ? `rewrite.${hop.rewrite}` : `action.${hop.action}`;
  const what = isMessageKey(label) ? t(label) : label;
  const phase = hop.phase
    ? ` (${t(hop.phase === 'dns' ? 'inspector.phase.dns' : 'inspector.phase.request')}${
        hop.direction === 'reply' ? `, ${t('inspector.reply')}` : ''
      })`
    : '';
  const lines = [
    `## ${n}. ${plain(isMessageKey(stageKey) ? t(stageKey, { where }) : `${hop.stage} · ${hop.location}`)}`,
    '',
    `**${plain(what)}**${phase}${hop.crossZone ? ` · ${t('inspector.crossZone')}` : ''}`,
    '',
  ];
  const address = (now: string, was: string | undefined) =>
    was !== undefined && was !== now ? `${code(was)} → ${code(now)}` : code(now);
  const nat = isNat(hop) ? before?.packet : undefined;
  lines.push(`- ${t('inspector.source')}: ${address(hop.packet.src, nat?.src)}`);
  lines.push(`- ${t('inspector.destination')}: ${address(hop.packet.dst, nat?.dst)}`);
  lines.push(`- ${t('inspector.protocol')}: ${hop.packet.protocol}`);
  if (hop.note) lines.push(`- ${t('inspector.note')}: ${plain(render(hop.note, lang))}`);
  if (hop.topology) lines.push(`- ${t('inspector.topology')}: ${plain(render(hop.topology, lang))}`);
  for (const [key, list] of [
    ['inspector.candidates', hop.candidates ?? []],
    ['inspector.leftOut', hop.leftOut ?? []],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(`- ${t(key)}:`);
    for (const c of list) {
      const facts = [
        'pod' in c && c.pod ? plain(c.pod) : '',
        'probability' in c && c.probability !== undefined ? percent(c.probability) : '',
        'state' in c && c.state ? plain(c.state) : '',
        'health' in c && c.health ? plain(render(c.health, lang)) : '',
        'reason' in c ? plain(render(c.reason, lang)) : '',
        'chosen' in c && c.chosen ? `**${t('inspector.chosen')}**` : '',
      ].filter(Boolean);
      lines.push(`  - ${code(c.endpoint)}${facts.length ? ` — ${facts.join(', ')}` : ''}`);
    }
  }
  if (hop.rule) {
    const ref = hop.ruleRef;
    const at = ref?.chain
      ? ` (${code(`${ref.table ? `-t ${ref.table} ` : ''}${ref.chain}${ref.index !== undefined ? ` #${ref.index + 1}` : ''}`)})`
      : '';
    const f = fence(hop.rule);
    lines.push('', `${plain(t(ruleSource(hop), { node: ref?.node ?? where }))}${at}:`, '', f, hop.rule, f);
  }
  lines.push('');
  return lines;
}

/**
 * The followed request (`focus`) of the requests sent, as Markdown in `lang`: the outcome and why, the
 * response, the backend, then every hop.
 */
export function traceMarkdown(traces: readonly Trace[], focus: number, lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const k = Math.min(Math.max(0, focus), traces.length - 1);
  const trace = traces[k];
  if (!trace) return '';
  const outcomeKey = `outcome.${trace.outcome}`;
  const lines = [`# ${t('export.trace.heading')}`, ''];
  if (traces.length > 1) lines.push(`*${t('inspector.request', { k: k + 1, n: traces.length })}*`, '');
  lines.push(
    `**${isMessageKey(outcomeKey) ? t(outcomeKey) : trace.outcome}** — ${plain(render(trace.explanation, lang))}`,
    '',
  );
  if (trace.response) lines.push(`- ${t('inspector.response', { status: trace.response.status })}`);
  if (trace.backend) {
    const b = trace.backend;
    const via = b.service ? `, ${t('export.trace.service', { service: b.service })}` : '';
    lines.push(`- ${t('export.trace.backend')}: ${plain(b.pod)} (${code(`${b.ip}:${b.port}`)})${plain(via)}`);
  }
  if (trace.sourceSeenByBackend)
    lines.push(`- ${t('inspector.seenByBackend', { addr: code(trace.sourceSeenByBackend) })}`);
  if (trace.clientError) lines.push(`- ${code(trace.clientError.message)}`);
  lines.push('');
  trace.hops.forEach((hop, i) => lines.push(...hopMarkdown(hop, i + 1, trace.hops[i - 1], lang)));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
