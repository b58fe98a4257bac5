/**
 * The histogram of a distribution experiment (`curl --count N` in the console): one row per pod, node
 * or zone, a bar for the observed share with a line where the rules' expected share is, and the numbers
 * written beside (never colour alone). Several URLs stand side by side under each place, numbered as the
 * console's table numbers them (so the chart fits the console's narrow column); under the chart, the engine's verdict (χ², largest deviation) for each.
 *
 * @example <DistributionChart experiments={entry.distributions} />
 */
import { useState } from 'react';
import { fitMessage, type Histogram, type UrlDistribution } from '../../engine';
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';
import './distribution.css';

type By = 'pod' | 'node' | 'zone';

const pick = (d: UrlDistribution, by: By): Histogram =>
  by === 'pod' ? d.byPod : by === 'node' ? d.byNode : d.byZone;

const share = (n: number, total: number): string =>
  total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`;

export function DistributionChart({ experiments }: { experiments: UrlDistribution[] }) {
  const t = useT();
  const [by, setBy] = useState<By>('pod');
  const hasZones = experiments.some((e) => e.byZone.rows.length > 0);
  const choices: By[] = hasZones ? ['pod', 'node', 'zone'] : ['pod', 'node'];
  const keys: string[] = [];
  for (const e of experiments) for (const r of pick(e, by).rows) if (!keys.includes(r.key)) keys.push(r.key);
  keys.sort();
  const many = experiments.length > 1;
  return (
    <figure className="dist" data-testid="distribution">
      <figcaption className="dist-head">
        <strong>{t('dist.title')}</strong>
        <span role="group" aria-label={t('dist.by')} className="dist-by">
          {choices.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={by === c}
              onClick={() => setBy(c)}
              data-testid={`distribution-by-${c}`}
            >
              {t(c === 'pod' ? 'dist.pod' : c === 'node' ? 'dist.node' : 'dist.zone')}
            </button>
          ))}
        </span>
      </figcaption>
      <ol className="dist-experiments">
        {experiments.map((e, i) => (
          <li key={i}>{t('dist.experiment', { n: i + 1, requests: e.total, from: e.from, url: e.url })}</li>
        ))}
      </ol>
      <table className="dist-table">
        <thead className="sr-only">
          <tr>
            <th scope="col">{t('dist.place')}</th>
            <th scope="col">{t('dist.title')}</th>
          </tr>
        </thead>
        {keys.map((k) => (
          <tbody key={k} data-testid="distribution-row">
            <tr>
              <th scope="rowgroup" colSpan={2} className="dist-key">
                {k}
              </th>
            </tr>
            {experiments.map((e, i) => {
              const r = pick(e, by).rows.find((x) => x.key === k);
              const observed = r?.observed ?? 0;
              const expected = r ? r.expected : 0;
              const pct = e.total === 0 ? 0 : (100 * observed) / e.total;
              const exp = expected === null || e.total === 0 ? null : (100 * expected) / e.total;
              return (
                <tr key={i}>
                  <td className="dist-n">{many ? `${i + 1}` : ''}</td>
                  <td data-testid="distribution-cell">
                    <span className={`dist-bar dist-bar-${i % 2}`} aria-hidden>
                      <span className="dist-fill" style={{ width: `${pct}%` }} />
                      {exp !== null && <span className="dist-expected" style={{ left: `${exp}%` }} />}
                    </span>
                    <span className="dist-numbers">
                      {t('dist.cell', {
                        observed,
                        share: share(observed, e.total),
                        expected: expected === null ? t('dist.unknown') : share(expected, e.total),
                      })}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <p className="dist-legend">{t('dist.legend')}</p>
      {experiments.map((e, i) => (
        <p key={i} className="dist-verdict">
          {many && `${i + 1}: `}
          <Message m={fitMessage(pick(e, by))} />
        </p>
      ))}
    </figure>
  );
}
