/**
 * A built-in scene opens clean: no error, and no warning unless the warning is what the scene teaches
 * (the list below says which, and why). Every scenario of the menu and every lesson's starting scene.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster, sourcesOf, type Diagnostic } from '../engine';
import { builtinLessons } from '../lessons';
import { scenarios } from './index';

/** The warnings that are the lesson, by scene. */
const TAUGHT: Record<string, string[]> = {
  // The scene's comments: use-forwarded-headers is a ConfigMap key, and snippets are refused since v1.9.
  'scenario client-ip-and-keepalive': [
    'ingress.annotation.snippetDisabled',
    'ingress.annotation.useForwardedHeaders',
  ],
  // The myth the scene names: service.beta.kubernetes.io/ipvs-scheduler is read by no component; and the
  // scene runs kube-proxy in ipvs mode on purpose, which a 1.35+ kube-proxy says is deprecated.
  'scenario ipvs-scheduler-myth': ['config.proxyMode.ipvsDeprecated', 'service.ipvsScheduler.annotation'],
  // Challenge clusterip-selector: the Service's selector has a typo the student fixes.
  'lesson clusterip': ['service.selector.noMatch'],
  // Challenge named-targetport: targetPort 80 where the containers listen on 8080.
  'lesson ports': ['service.targetPort.notListening'],
  // Challenge env-discovery: client.yaml is applied before web.yaml, so the pod misses WEB_SERVICE_HOST.
  'lesson env': ['discovery.env.createdBeforeService'],
  // Challenge ipvs-source-hash: the annotation no component reads (and ipvs mode's deprecation, as above).
  'lesson ipvs': ['config.proxyMode.ipvsDeprecated', 'service.ipvsScheduler.annotation'],
  // Challenge fix-the-outage: a selector typo and a readiness probe on the wrong port.
  'lesson troubleshooting': ['pod.readinessProbe.notListening', 'service.selector.noMatch'],
};

const noisy = (ds: Diagnostic[]) =>
  ds
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => (d.severity === 'error' ? `error ${d.code}: ${d.message as string}` : d.code))
    .sort();

describe('built-in scenes open without errors, and warn only where the warning is the lesson', () => {
  for (const s of scenarios)
    it(`scenario ${s.id}`, () => {
      const built = buildCluster([{ file: s.file, text: s.yaml }], { seed: 1 });
      expect(noisy(built.diagnostics)).toEqual(TAUGHT[`scenario ${s.id}`] ?? []);
    });

  const { lessons } = builtinLessons();
  it('every lesson is checked', () => expect(lessons.length).toBeGreaterThan(10));
  for (const l of lessons)
    it(`lesson ${l.id}`, () => {
      const built = buildCluster(sourcesOf(l, l.scene), { seed: 1 });
      expect(noisy(built.diagnostics)).toEqual(TAUGHT[`lesson ${l.id}`] ?? []);
    });
});
