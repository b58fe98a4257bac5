/** What opening files came to: the tabs opened, what a kubectl dump lost, each file refused and why. */
import { useT, type T } from '../../i18n';
import { MAX_OPEN_BYTES, useStore, type FileProblem } from '../../store';

const FIELD_NAMES: Record<string, string> = {
  lastAppliedConfiguration: 'kubectl.kubernetes.io/last-applied-configuration',
  clusterIP: 'spec.clusterIP(s)',
};

const REFUSED: Record<
  string,
  'file.problem.refused.aliases' | 'file.problem.refused.deep' | 'file.problem.refused.large'
> = {
  'yaml.alias-limit': 'file.problem.refused.aliases',
  'yaml.too-deep': 'file.problem.refused.deep',
  'yaml.resource-exhaustion': 'file.problem.refused.deep',
  'yaml.document-too-large': 'file.problem.refused.large',
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function problemText(t: T, p: FileProblem): string {
  switch (p.code) {
    case 'extension':
    case 'binary':
      return t(`file.problem.${p.code}`, { name: p.name });
    case 'tooLarge':
      return t('file.problem.tooLarge', { name: p.name, size: mb(p.size), max: mb(MAX_OPEN_BYTES) });
    case 'tooMany':
      return t('file.problem.tooMany', { name: p.name, max: p.max });
    case 'unreadable':
      return t('file.problem.unreadable', { name: p.name, detail: p.detail });
    case 'refused':
      return t(REFUSED[p.reason] ?? 'file.problem.refused', { name: p.name, line: p.line });
  }
}

export function FileNoticeView() {
  const t = useT();
  const notice = useStore((s) => s.fileNotice);
  if (!notice) return null;
  const names = notice.opened.join(', ');
  const dismiss = () => useStore.setState({ fileNotice: null });
  return (
    <div
      className={notice.problems.length ? 'banner banner-warn file-notice' : 'banner file-notice'}
      role={notice.problems.length ? 'alert' : 'status'}
      data-testid="file-notice"
    >
      <div className="file-notice-body">
        {notice.opened.length > 0 && (
          <p>{t(notice.replaced ? 'file.opened.replaced' : 'file.opened.added', { names })}</p>
        )}
        {notice.dumps.map((d) => (
          <p key={d.name} data-testid="file-dump">
            {t('file.dump', {
              name: d.name,
              objects: d.objects,
              fields: d.removed.length
                ? d.removed.map(([f, n]) => `${FIELD_NAMES[f] ?? f} (${n})`).join(', ')
                : t('file.dump.none'),
            })}
            {d.controllerSlices > 0 && <> {t('file.dump.slices', { count: d.controllerSlices })}</>}
            {d.keptPodStatus > 0 && <> {t('file.dump.keptStatus', { count: d.keptPodStatus })}</>}
            {d.addedNodes.length > 0 && <> {t('file.dump.addedNodes', { names: d.addedNodes.join(', ') })}</>}
          </p>
        ))}
        {notice.problems.map((p, i) => (
          <p key={i} data-testid="file-problem">
            {problemText(t, p)}
          </p>
        ))}
        {notice.problems.length > 0 && notice.opened.length === 0 && <p>{t('file.unchanged')}</p>}
      </div>
      <button type="button" onClick={dismiss} aria-label={t('file.dismiss')} title={t('file.dismiss')}>
        ✕
      </button>
    </div>
  );
}
