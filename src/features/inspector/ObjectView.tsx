/**
 * The graph element the student opened (a click selects it, Enter opens it here and moves focus here):
 * its kind and full name, and what the graph shortens, each value whole and wrapped, never clipped
 * (long IPv6 addresses, long names). Read from the last good cluster.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n';
import { selectCluster, selectSelected, useStore } from '../../store';
import { objectFacts } from './object-facts';

export function ObjectView() {
  const t = useT();
  const cluster = useStore(selectCluster);
  const selected = useStore(selectSelected);
  const inspected = useStore((s) => s.inspected);
  const select = useStore((s) => s.select);
  const facts = useMemo(
    () => (cluster && selected ? objectFacts(cluster, selected) : null),
    [cluster, selected],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (inspected) heading.current?.focus();
  }, [inspected]);
  if (!facts) return null;
  const title = `${facts.kind} ${facts.namespace && facts.namespace !== 'default' ? `${facts.namespace}/` : ''}${facts.name}`;
  return (
    <section className="object-view" data-testid="object-view" aria-labelledby="object-view-title">
      <div className="object-head">
        <h3 id="object-view-title" ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <button
          type="button"
          className="object-close"
          onClick={() => select(null, 'graph')}
          aria-label={t('object.close')}
        >
          ✕
        </button>
      </div>
      {facts.facts.length > 0 && (
        <dl className="object-facts">
          {facts.facts.map((f) => (
            <div key={f.label}>
              <dt>{t(f.label)}</dt>
              {/* One dd for all values: a dd per value put the first in the label's row, taller than the rest. */}
              <dd>
                {f.values.map((v) => (
                  <code key={v}>{v}</code>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
