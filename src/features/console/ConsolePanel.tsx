/**
 * The in-page console: one line at a time through the same interpreter as the `svclab` CLI
 * (`get svc`, `exec client -- nslookup web`, `node node-1 -- iptables-save`). Shown only when the
 * engine's command interpreter exists in this build.
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { runConsoleLine, useStore } from '../../store';

interface Entry {
  line: string;
  out: string;
  failed: boolean;
}

export function ConsolePanel() {
  const t = useT();
  const available = useStore((s) => s.capabilities.console);
  const [line, setLine] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  if (!available) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cmd = line.trim().replace(/^(svclab|kubectl)\s+/, '');
    if (!cmd) return;
    setLine('');
    const r = await runConsoleLine(cmd);
    const entry: Entry = r.ok
      ? { line: cmd, out: r.value.stdout + r.value.stderr, failed: r.value.exitCode !== 0 }
      : { line: cmd, out: r.error, failed: true };
    setEntries((list) => [...list.slice(-49), entry]);
  };

  return (
    <section className="panel console-panel" aria-label={t('console.title')}>
      <header className="panel-header">
        <h2>{t('console.title')}</h2>
        <button type="button" onClick={() => setEntries([])}>
          {t('console.clear')}
        </button>
      </header>
      <div className="console-out" data-testid="console-out">
        {entries.map((e, i) => (
          <div key={i}>
            <div className="console-line">$ {e.line}</div>
            <pre className={e.failed ? 'console-failed' : undefined}>{e.out}</pre>
          </div>
        ))}
      </div>
      <form onSubmit={(e) => void submit(e)} className="console-form">
        <input
          value={line}
          onChange={(e) => setLine(e.target.value)}
          placeholder={t('console.placeholder')}
          aria-label={t('console.title')}
          spellCheck={false}
        />
        <button type="submit">{t('console.run')}</button>
      </form>
    </section>
  );
}
