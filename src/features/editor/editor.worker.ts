// Monaco's editor worker, through a local module so Vite bundles it (imported with `?worker`).
import 'monaco-editor/esm/vs/editor/editor.worker.js';
