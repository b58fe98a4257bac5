/**
 * Runs a fault's console line (from the graph's menu) the way the console runs it: at the instant
 * shown, editing the scene as an undoable edit; what it answered is kept for the timeline bar to say.
 */
import { runConsoleLine, useStore } from '../../store';

export async function runFault(line: string): Promise<void> {
  const r = await runConsoleLine(line);
  useStore.setState({
    faultStatus: r.ok
      ? { line, ok: r.value.exitCode === 0, text: `${r.value.stdout}${r.value.stderr}`.trim() }
      : { line, ok: false, text: r.error },
  });
}
