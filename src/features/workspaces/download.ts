/**
 * A scene as one YAML file to download, for when the browser will not keep it (storage full, no
 * storage). The store keeps the functions (the editor's Save and Open use them too); see
 * store/scene-files.ts (sceneAsYaml, splitSceneYaml) and store/save-file.ts.
 */
export { download, fileNameFor, sceneAsYaml } from '../../store';
