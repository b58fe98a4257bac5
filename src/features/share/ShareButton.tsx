/**
 * Share: copies a link that carries the whole scene (store/link-codec.ts), and says so. Where the
 * clipboard is refused (an http page on a classroom's network, a denied permission), the link is shown
 * selected, to copy by hand; a scene too large for a link says to download its files instead.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { MAX_LINK_CHARS, shareFragment } from '../../store';
import './share.css';

type Shown = { kind: 'copied' } | { kind: 'manual'; url: string } | { kind: 'tooLong'; size: number } | null;

export function ShareButton() {
  const t = useT();
  const [shown, setShown] = useState<Shown>(null);
  // "Copied" is said, then gets out of the way; a link to copy by hand stays until closed.
  useEffect(() => {
    if (shown?.kind !== 'copied') return;
    const timer = setTimeout(() => setShown(null), 6000);
    return () => clearTimeout(timer);
  }, [shown]);
  const share = async () => {
    const url = `${location.origin}${location.pathname}#${await shareFragment()}`;
    if (url.length > MAX_LINK_CHARS) return setShown({ kind: 'tooLong', size: url.length });
    try {
      await navigator.clipboard.writeText(url);
      setShown({ kind: 'copied' });
    } catch {
      setShown({ kind: 'manual', url });
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void share()} title={t('share.title')} data-testid="share">
        {t('share.button')}
      </button>
      <div role="status" className="share-status" data-testid="share-status">
        {shown && (
          <div className="share-popup">
            {shown.kind === 'copied' && t('share.copied')}
            {shown.kind === 'tooLong' && t('share.tooLong', { size: shown.size })}
            {shown.kind === 'manual' && (
              <label>
                {t('share.copyFailed')}
                <input
                  readOnly
                  autoFocus
                  value={shown.url}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="share-url"
                />
              </label>
            )}{' '}
            <button type="button" onClick={() => setShown(null)}>
              {t('save.dismiss')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
