/** From, to, protocol, count, Send: the request the engine simulates in the worker. */
import { useMemo, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { PROTOCOLS, selectCluster, sendRequest, useStore, type Protocol } from '../../store';

export function RequestBar() {
  const t = useT();
  const cluster = useStore(selectCluster);
  const request = useStore((s) => s.request);
  const setRequest = useStore((s) => s.setRequest);
  const sending = useStore((s) => s.sending);
  const error = useStore((s) => s.traceError);

  const sources = useMemo(() => {
    const out = [{ value: 'external', label: t('request.external') }];
    for (const p of cluster?.pods ?? []) {
      const ns = p.metadata.namespace ?? 'default';
      if (ns === 'kube-system' || ns === 'ingress-nginx') continue;
      const name = p.metadata.name ?? '';
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
    <form className="request-bar" onSubmit={submit} aria-label={t('request.title')}>
      <label>
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
          value={request.to}
          placeholder={t('request.toPlaceholder')}
          onChange={(e) => setRequest({ to: e.target.value })}
          data-testid="request-to"
          spellCheck={false}
        />
      </label>
      <label>
        {t('request.protocol')}
        <select
          value={request.protocol}
          onChange={(e) => setRequest({ protocol: e.target.value as Protocol })}
        >
          {PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {t(`request.proto.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('request.count')}
        <input
          type="number"
          min={1}
          max={500}
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
          {error.startsWith('src/engine/')
            ? t('engine.missing', { part: error })
            : t('engine.error', { message: error })}
        </div>
      )}
    </form>
  );
}
