/**
 * A diagnostic's words, for the editor's banner. Its own chunk: the engine's message catalogue is large
 * and the page's first screen does not need it (issue 17's bundle budget); it loads the first time a
 * text is broken, in milliseconds, from the same origin.
 */
import type { Diagnostic, Lang } from '../../engine';
import { diagnosticText } from './to-monaco-markers';

export default function ProblemText({ diagnostic, lang }: { diagnostic: Diagnostic; lang: Lang }) {
  return <>{diagnosticText(diagnostic, lang)}</>;
}
