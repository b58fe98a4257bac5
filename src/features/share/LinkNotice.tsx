/**
 * What the page says about the link or the address it was opened with: opened as a new workspace, back
 * to the workspace of a link opened before, or why the link could not be opened (and that nothing was
 * changed). It stays until closed.
 */
import { useT, type T } from '../../i18n';
import { useStore, type LinkNotice as Notice } from '../../store';
import './share.css';

function text(t: T, locale: string, n: Notice): string {
  switch (n.code) {
    case 'opened':
      return t('link.opened');
    case 'returned':
      return t('link.returned');
    case 'unknownScenario':
      return t('link.unknownScenario', { id: n.id });
    case 'unknownLesson':
      return t('link.unknownLesson', { id: n.id });
    case 'lessonAside':
      return t('link.lessonAside', { lesson: n.lesson });
    case 'problem': {
      const p = n.problem;
      const why =
        p.code === 'version'
          ? t('link.version', { version: p.version })
          : p.code === 'tooLarge'
            ? t('link.tooLarge', { max: p.max.toLocaleString(locale) })
            : p.code === 'empty'
              ? t('link.empty')
              : t('link.damaged');
      return `${why} ${t('link.kept')}`;
    }
  }
}

export function LinkNotice() {
  const t = useT();
  const notice = useStore((s) => s.linkNotice);
  const locale = useStore((s) => s.locale);
  if (!notice) return null;
  const bad = notice.code === 'problem' || notice.code.startsWith('unknown');
  return (
    <div className="link-notice" data-testid="link-notice">
      <p role={bad ? 'alert' : 'status'} className={`banner ${bad ? 'banner-error' : 'banner-info'}`}>
        {text(t, locale, notice)}{' '}
        <button type="button" onClick={() => useStore.setState({ linkNotice: null })}>
          {t('save.dismiss')}
        </button>
      </p>
    </div>
  );
}
