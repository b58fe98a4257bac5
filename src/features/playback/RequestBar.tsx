/**
 * From, to, protocol, count, Send: the request the engine simulates in the worker. The protocol menu's
 * entries map to the request's fields in store/request-form.ts.
 */
import { useMemo, type FormEvent } from 'react';
import { clusterIndex } from '../../engine';
import { useT } from '../../i18n';
import './request-bar.css';
import {
  choiceOf,
  MAX_COUNT,
  MIN_COUNT,
  REQUEST_CHOICES,
  selectCluster,
  sendRequest,
  useStore,
} from '../../store';

export function RequestBar() {
  const t = useT();
  const cluster = useStore(selectCluster);
  const request = useStore((s) => s.request);
  const lookup = useStore((s) => s.lookup);
  const setRequest = useStore((s) => s.setRequest);
  const chooseProtocol = useStore((s) => s.chooseProtocol);
  // A request the menu does not offer (a lesson's UDP request, say) shows its protocol as it is.
  const choice = choiceOf(request, lookup);
  const other = request.protocol ?? 'HTTP/1.1';
  const sending = useStore((s) => s.sending);
  const error = useStore((s) => s.traceError);

  const sources = useMemo(() => {
    const out = [{ value: 'external', label: t('request.external') }];
    const ix = cluster ? clusterIndex(cluster) : undefined;
    for (const p of cluster?.pods ?? []) {
      const ns = p.metadata.namespace ?? 'default';
      const name = p.metadata.name ?? '';
      if (ix?.isSystem(`Pod/${ns}/${name}`)) continue; // CoreDNS, ingress-nginx: the cluster's own
      out.push({
        value: `pod/${ns}/${name}`,
        label: t('request.pod', { name: ns === 'default' ? name : `${ns}/${name}` }),
      });
    }
    for (const n of cluster?.nodes ?? [])
      out.push({
        value: `node/${n.metadata.name}`,
        label: t('request.node', { name: n.metadata.name ?? '' }),
      });
    if (!out.some((o) => o.value === request.from)) out.push({ value: request.from, label: request.from });
    return out;
  }, [cluster, t, request.from]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void sendRequest();
  };

  return (
    <form
      className="request-bar"
      onSubmit={submit}
      aria-label={t('request.title')}
      id="request"
      tabIndex={-1}
    >
      <label className="source">
        {t('request.from')}
        <select
          value={request.from}
          onChange={(e) => setRequest({ from: e.target.value })}
          data-testid="request-from"
        >
          {sources.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        {t('request.to')}
        <input
          value={request.target}
          placeholder={t('request.toPlaceholder')}
          onChange={(e) => setRequest({ target: e.target.value })}
          data-testid="request-to"
          spellCheck={false}
        />
      </label>
      <label className="protocol">
        {/* The choices name themselves (HTTP/1.1, ping, DNS lookup): the address gets the room. */}
        <span className="sr-only">{t('request.protocol')}</span>
        <select
          value={choice ?? other}
          onChange={(e) => {
            const picked = REQUEST_CHOICES.find((c) => c === e.target.value);
            if (picked) chooseProtocol(picked);
          }}
        >
          {REQUEST_CHOICES.map((p) => (
            <option key={p} value={p}>
              {t(`request.proto.${p}`)}
            </option>
          ))}
          {choice === null && <option value={other}>{other}</option>}
        </select>
      </label>
      <label>
        {t('request.count')}
        <input
          type="number"
          min={MIN_COUNT}
          max={MAX_COUNT}
          value={request.count}
          onChange={(e) => setRequest({ count: Number(e.target.value) })}
          className="count"
          data-testid="request-count"
        />
      </label>
      <button type="submit" className="primary" disabled={sending || !cluster}>
        {sending ? t('request.sending') : t('request.send')}
      </button>
      {error && (
        <div role="alert" className="banner banner-error request-error">
          {t('engine.error', { message: error })}
        </div>
      )}
    </form>
  );
}
