/**
 * The histogram of a distribution experiment (`curl --count N` in the console): one row per pod, node
 * or zone, a bar for the observed share with a line where the rules' expected share is, and the numbers
 * written beside (never colour alone). Several URLs stand side by side under each place, numbered as the
 * console's table numbers them; under the chart, the engine's verdict (χ², largest deviation) for each.
 * In the console the bars take the column's width and the numbers go under them when it is narrow; "Show
 * larger" opens the same chart in a dialog over the page (wide bars, larger text) for a projector. The
 * dialog lives on the document's body, so it stays when presenter mode hides the console, and it has its
 * own presenter switch (a modal dialog leaves the header's out of reach); presenting, its text grows
 * with the presenter's text size.
 *
 * @example <DistributionChart experiments={entry.distributions} />
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { fitMessage, type Histogram, type UrlDistribution } from '../../engine';
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';
import { useStore } from '../../store';
import './distribution.css';

type By = 'pod' | 'node' | 'zone';

const pick = (d: UrlDistribution, by: By): Histogram =>
  by === 'pod' ? d.byPod : by === 'node' ? d.byNode : d.byZone;

const share = (n: number, total: number): string =>
  total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`;

interface ChartProps {
  experiments: UrlDistribution[];
  by: By;
  setBy: (by: By) => void;
  large: boolean;
  /** The caption's extra control (Show larger / Close). */
  action: React.ReactNode;
}

function Chart({ experiments, by, setBy, large, action }: ChartProps) {
  const t = useT();
  const hasZones = experiments.some((e) => e.byZone.rows.length > 0);
  const choices: By[] = hasZones ? ['pod', 'node', 'zone'] : ['pod', 'node'];
  const keys: string[] = [];
  for (const e of experiments) for (const r of pick(e, by).rows) if (!keys.includes(r.key)) keys.push(r.key);
  keys.sort();
  const many = experiments.length > 1;
  const id = (name: string) => (large ? `distribution-large-${name}` : `distribution-${name}`);
  return (
    <figure
      className={large ? 'dist dist-large' : 'dist'}
      data-testid={large ? 'distribution-large' : 'distribution'}
    >
      <figcaption className="dist-head">
        <strong>{t('dist.title')}</strong>
        <span role="group" aria-label={t('dist.by')} className="dist-by">
          {choices.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={by === c}
              onClick={() => setBy(c)}
              data-testid={id(`by-${c}`)}
            >
              {t(c === 'pod' ? 'dist.pod' : c === 'node' ? 'dist.node' : 'dist.zone')}
            </button>
          ))}
        </span>
        {action}
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
          <tbody key={k} data-testid={id('row')}>
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
                  <td data-testid={id('cell')} className="dist-td">
                    <div className="dist-cell">
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
                    </div>
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

export function DistributionChart({ experiments }: { experiments: UrlDistribution[] }) {
  const t = useT();
  const [by, setBy] = useState<By>('pod');
  const [large, setLarge] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const presenting = useStore((s) => s.presenting);
  const setPresenting = useStore((s) => s.setPresenting);
  const textScale = useStore((s) => s.textScale);
  useEffect(() => {
    const d = dialog.current;
    if (large && d && !d.open) d.showModal();
  }, [large]);
  return (
    <>
      <Chart
        experiments={experiments}
        by={by}
        setBy={setBy}
        large={false}
        action={
          <button
            ref={opener}
            type="button"
            className="dist-open"
            onClick={() => setLarge(true)}
            aria-haspopup="dialog"
            data-testid="distribution-open"
          >
            {t('dist.open')}
          </button>
        }
      />
      {large &&
        createPortal(
          <dialog
            ref={dialog}
            className={presenting ? 'dist-dialog dist-presenting' : 'dist-dialog'}
            style={{ '--text-scale': textScale } as CSSProperties}
            aria-label={t('dist.title')}
            // Escape closes a modal dialog natively; focus goes back to the button that opened it.
            onClose={() => {
              setLarge(false);
              opener.current?.focus();
            }}
            data-testid="distribution-dialog"
          >
            <Chart
              experiments={experiments}
              by={by}
              setBy={setBy}
              large
              action={
                <span className="dist-actions">
                  <button
                    type="button"
                    className="dist-open"
                    aria-pressed={presenting}
                    onClick={() => setPresenting(!presenting)}
                    data-testid="distribution-present"
                  >
                    {presenting ? t('app.present.off') : t('app.present.on')}
                  </button>
                  <button
                    type="button"
                    className="dist-open"
                    onClick={() => dialog.current?.close()}
                    data-testid="distribution-close"
                  >
                    {t('dist.close')}
                  </button>
                </span>
              }
            />
          </dialog>,
          document.body,
        )}
    </>
  );
}
