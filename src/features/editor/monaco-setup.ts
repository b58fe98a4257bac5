/**
 * Loads Monaco with YAML support and our Kubernetes schema. Imported only by the lazily loaded editor
 * chunk, so none of this is in the initial JavaScript. Everything is bundled: no CDN, no schema fetches.
 */
// editor.main (not editor.api + editor.all): since 0.54 only editor.main adapts the classic
// createWebWorker({ moduleId, label, createData }) call that monaco-yaml's worker manager makes; without
// it the YAML worker never starts and schema completion, hover and validation silently stop working.
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from './editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import k8sSchema from '../../engine/manifest/k8s-schema.json';
import crdSchemas from '../../engine/manifest/crd/gateway-api-schema.json';
import { editorSchema } from './editor-schema';

const schema = editorSchema(k8sSchema, crdSchemas);

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(moduleId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'https://svclab.local/k8s-schema.json', fileMatch: ['*'], schema: schema as never }],
});

export { monaco };
