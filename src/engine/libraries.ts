/**
 * The engine's libraries that load apart (issue 17, cold load; util/library-slot.ts): the Gateway API
 * CRDs' schemas and the CEL evaluator of their rules (@bufbuild/cel, protobuf, RE2), RE2 for HTTPRoute's regular
 * expressions, the X.509 decoder (@peculiar/asn1-x509) and the message catalogue the Gateway lints
 * render. provideLibraries() fills every slot with the real library; the engine's public builders
 * (index.ts) call it, the tests' setup file calls it, and the page's worker calls it from a chunk of its
 * own (worker/engine-libs.ts). engine/core.ts never reaches this file (`npm run lint:deps`).
 *
 * @example
 * provideLibraries();
 * createWorkspace(1).update(sources); // a scene with a Gateway and a TLS Secret builds in full
 */
import { RE2JS } from '@bufbuild/re2';
import { lintText } from './gateway/lint';
import { re2Library } from './gateway/http-match';
import { crdLibrary } from './manifest/crd/admit';
import { celErrors } from './manifest/crd/cel';
import { crdVersion } from './manifest/crd/registry';
import { render } from './messages';
import { decodeCertificate } from './net/x509-der';
import { x509Der } from './net/x509';

/** Fills every library slot (idempotent: the same code each time). */
export function provideLibraries(): void {
  if (crdLibrary.loaded) return;
  crdLibrary.provide({ crdVersion, celErrors });
  re2Library.provide({ compile: (pattern) => RE2JS.compile(pattern) });
  x509Der.provide({ decodeCertificate });
  lintText.provide({ render });
}
