// Engine tests read the lesson scenes (src/scenarios/*.yaml) as text through Vite's `?raw` suffix.
// The engine itself imports no assets; this declaration only lets those tests typecheck without DOM types.
declare module '*?raw' {
  const text: string;
  export default text;
}
