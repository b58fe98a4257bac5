/**
 * The in-page console: one line at a time through the same interpreter as the `svclab` CLI
 * (`get svc`, `exec client -- nslookup web`, `node node-1 -- iptables-save`, `-o json` anywhere).
 * ↑/↓ recall earlier lines, `help` lists the commands, `clear` empties the screen, and the chips
 * offer lines that fit the current scene. Output never wraps (a table stays a table; it scrolls
 * sideways); a filter keeps the lines that contain a text (and each table's header); the panel grows
 * by its top edge (drag, or ↑/↓ on it) up to most of the column, keeping that height across reloads,
 * and widens to most of the page.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { DistributionChart } from './DistributionChart';
import { runConsoleLine, selectCluster, selectStepCommand, useStore, type ConsoleEntry } from '../../store';
import { filterOutput } from './filter';
import { emptyHistory, pushHistory, recall, type History } from './history';
import { consoleShare } from './console-size';
import { ResizeHandle, useConsoleLayout } from './ResizeHandle';
import { consoleSuggestions } from './suggestions';

let nextId = 1;

export function ConsolePanel() {
  const t = useT();
  const cluster = useStore(selectCluster);
  const from = useStore((s) => s.request.from);
  const to = useStore((s) => s.request.target);
  const [line, setLine] = useState('');
  // In the store: the Share menu saves the screen as a transcript.
  const entries = useStore((s) => s.consoleEntries);
  const setEntries = useStore((s) => s.setConsoleEntries);
  const [history, setHistory] = useState<History>(emptyHistory);
  const [filter, setFilter] = useState('');
  const [wide, setWide] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // The console's height once the user has moved its top edge (kept across reloads); until then
  // styles.css's. A drag in progress is shown from here and kept when it ends.
  const consoleSize = useStore((s) => s.consoleSize);
  const setConsoleSize = useStore((s) => s.setConsoleSize);
  const { column, shown } = useConsoleLayout(panel);
  const [dragged, setDragged] = useState<number | null>(null);
  const share = dragged ?? consoleShare(consoleSize, column);
  const chooseShare = (pct: number, done: boolean) => {
    if (!done) return setDragged(pct);
    setDragged(null);
    if (column.column > 0)
      setConsoleSize({ height: Math.round((pct / 100) * column.column), column: column.column });
  };
  const out = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const suggestions = useMemo(
    () => (cluster ? consoleSuggestions(cluster, from, to) : []),
    [cluster, from, to],
  );
  // The lesson's step may suggest a line: first among the chips, and put in the input when offered.
  const lessonLine = useStore(selectStepCommand);
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (!s.consoleDraft || s.consoleDraft === prev.consoleDraft) return;
        setLine(s.consoleDraft.line);
        input.current?.focus();
      }),
    [],
  );

  // Show a new command from its first line: long outputs (iptables-save) are read from the top.
  const newest = entries.at(-1);
  useEffect(() => {
    const box = out.current;
    const last = box?.lastElementChild as HTMLElement | null | undefined;
    if (box && last) box.scrollTop = last.offsetTop - box.offsetTop;
  }, [newest?.id, newest?.exitCode]);

  const run = async (raw: string) => {
    const cmd = raw.trim();
    setLine('');
    if (!cmd) return;
    setHistory((h) => pushHistory(h, cmd));
    if (cmd === 'clear' || cmd === 'cls') return setEntries([]);
    const id = nextId++;
    setEntries((list) => [...list.slice(-49), { id, line: cmd, stdout: '', stderr: '', exitCode: null }]);
    const r = await runConsoleLine(cmd);
    const done: ConsoleEntry = r.ok
      ? { id, line: cmd, ...r.value }
      : { id, line: cmd, stdout: '', stderr: `${r.error}\n`, exitCode: 1 };
    if (/^(svclab\s+|kubectl\s+)?(help|--help|-h)$/.test(cmd)) done.note = t('console.helpNote');
    setEntries((list) => list.map((e) => (e.id === id ? done : e)));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(line);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const h = recall(history, e.key === 'ArrowUp' ? -1 : 1, line);
    setHistory(h);
    setLine(h.line);
  };

  return (
    <section
      ref={panel}
      className={`panel console-panel${wide ? ' wide' : ''}`}
      aria-label={t('console.title')}
      style={share === null ? undefined : { flex: `0 0 ${share}%` }}
    >
      <ResizeHandle
        panel={panel}
        share={share}
        shown={shown}
        onShare={chooseShare}
        onReset={() => {
          setDragged(null);
          setConsoleSize(null);
        }}
        label={t('console.resize')}
        hint={t('console.resizeHint')}
      />
      <header className="panel-header">
        <h2>{t('console.title')}</h2>
        <span className="muted console-hint">{t('console.hint')}</span>
        {/* One group, so in a narrow console the tools move under the hint together. */}
        <div className="console-tools">
          <input
            type="search"
            className="console-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('console.filter')}
            aria-label={t('console.filter')}
            data-testid="console-filter"
            spellCheck={false}
          />
          <button
            type="button"
            aria-pressed={wide}
            onClick={() => setWide((w) => !w)}
            data-testid="console-widen"
            title={t('console.widen')}
          >
            {wide ? '⇤' : '⇥'}
            <span className="sr-only">{t('console.widen')}</span>
          </button>
          <button type="button" onClick={() => setEntries([])}>
            {t('console.clear')}
          </button>
        </div>
      </header>
      <div className="console-chips" role="group" aria-label={t('console.suggestions')}>
        {lessonLine && (
          <button
            type="button"
            className="chip chip-lesson"
            onClick={() => void run(lessonLine)}
            title={t('console.fromLesson')}
            data-testid="console-lesson-chip"
          >
            {lessonLine}
          </button>
        )}
        {suggestions
          .filter((s) => s !== lessonLine)
          .map((s) => (
            <button
              key={s}
              type="button"
              className="chip"
              onClick={() => void run(s)}
              title={t('console.runThis')}
            >
              {s}
            </button>
          ))}
      </div>
      <div className="console-out" data-testid="console-out" ref={out} tabIndex={0}>
        {entries.length === 0 && <p className="console-empty">{t('console.empty')}</p>}
        {entries.map((e) => (
          <div key={e.id} className="console-entry" data-testid="console-entry">
            <div className="console-line">$ {e.line}</div>
            {e.exitCode === null ? (
              <pre className="muted">…</pre>
            ) : (
              <>
                {e.stdout && <pre>{filter ? filterOutput(e.stdout, filter) : e.stdout}</pre>}
                {e.distributions && <DistributionChart experiments={e.distributions} />}
                {e.stderr && <pre className="console-failed">{e.stderr}</pre>}
                {e.note && <pre className="console-note">{e.note}</pre>}
                {e.exitCode !== 0 && (
                  <div className="console-exit">{t('console.exit', { code: e.exitCode })}</div>
                )}
              </>
            )}
          </div>
        ))}
      </div>
      <form onSubmit={submit} className="console-form">
        <span className="console-prompt" aria-hidden>
          $
        </span>
        <input
          ref={input}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
          placeholder={t('console.placeholder')}
          aria-label={t('console.input')}
          data-testid="console-input"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
        <button type="submit">{t('console.run')}</button>
      </form>
    </section>
  );
}
