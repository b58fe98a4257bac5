// monaco-yaml's language worker, through a local module so `vite dev` and the build both bundle it.
import 'monaco-yaml/yaml.worker.js';
