/**
 * Lints for ingress-nginx annotations that study notes recommend for "seeing the client IP" but that do
 * not do what the notes say:
 *
 * - `nginx.ingress.kubernetes.io/use-forwarded-headers` is not an annotation. ingress-nginx reads
 *   `use-forwarded-headers` only as a key of the controller's ConfigMap (docs/user-guide/nginx-configuration/
 *   configmap.md: "If true, NGINX passes the incoming X-Forwarded-* headers to upstreams. Use this option
 *   when NGINX is behind another L7 proxy / load balancer that is setting these headers."); the annotation
 *   list (annotations.md) has no such entry, so on an Ingress it changes nothing.
 * - `nginx.ingress.kubernetes.io/configuration-snippet` needs `allow-snippet-annotations: "true"` in the
 *   ConfigMap, whose default has been `false` since controller v1.9.0 (configmap.md, "allow-snippet-
 *   annotations"). With the default the admission webhook denies the Ingress ("nginx.ingress.kubernetes.io/
 *   configuration-snippet annotation cannot be used. Snippet directives are disabled by the Ingress
 *   administrator"). And the two lines the notes put in it are what the controller's nginx.tmpl already
 *   writes for every location: `proxy_set_header X-Real-IP $remote_addr;` and X-Forwarded-For (headers.ts).
 *
 * svclab's controller routes such an Ingress as if the webhook were off and the snippet ignored, and the
 * trace shows X-Real-IP / X-Forwarded-For set by the controller itself.
 *
 * @example
 * annotationLints(ing).map((l) => l.code); // ["ingress.annotation.useForwardedHeaders"]
 */
import type { Severity } from '../diagnostics';
import type { Ingress } from '../k8s/objects';
import { msg, type Msg } from '../messages';

export const USE_FORWARDED_HEADERS = 'nginx.ingress.kubernetes.io/use-forwarded-headers';
export const CONFIGURATION_SNIPPET = 'nginx.ingress.kubernetes.io/configuration-snippet';

export interface AnnotationLint {
  severity: Severity;
  code: string;
  field: string; // "metadata.annotations[nginx.ingress.kubernetes.io/use-forwarded-headers]"
  message: Msg;
  hint: Msg;
}

/** The header names a snippet sets with `proxy_set_header NAME …;` (lower-cased). */
function snippetHeaders(snippet: string): string[] {
  const out: string[] = [];
  for (const m of snippet.matchAll(/proxy_set_header\s+([A-Za-z0-9-]+)/g)) out.push(m[1]!.toLowerCase());
  return out;
}

/**
 * The annotation lints for one Ingress, in annotation order.
 *
 * @example
 * annotationLints({ metadata: { annotations: { [CONFIGURATION_SNIPPET]: 'proxy_set_header X-Real-IP $remote_addr;' } } } as Ingress)[0]!.severity; // "warning"
 */
export function annotationLints(ing: Ingress): AnnotationLint[] {
  const a = ing.metadata.annotations ?? {};
  const out: AnnotationLint[] = [];
  for (const key of Object.keys(a)) {
    const field = `metadata.annotations[${key}]`;
    if (key === USE_FORWARDED_HEADERS) {
      out.push({
        severity: 'warning',
        code: 'ingress.annotation.useForwardedHeaders',
        field,
        message: msg('lint.ingress.useForwardedHeaders', { key }),
        hint: msg('lint.ingress.useForwardedHeaders.hint', {}),
      });
    } else if (key === CONFIGURATION_SNIPPET) {
      const headers = snippetHeaders(a[key] ?? '');
      const redundant = headers.filter((h) => h === 'x-real-ip' || h === 'x-forwarded-for');
      out.push({
        severity: 'warning',
        code: 'ingress.annotation.snippetDisabled',
        field,
        // The webhook's own words stay as kubectl prints them.
        message: msg('lint.ingress.snippetDisabled', {
          key,
          webhook: `${key} annotation cannot be used. Snippet directives are disabled by the Ingress administrator`,
        }),
        hint:
          redundant.length > 0
            ? msg('lint.ingress.snippetRedundant.hint', {})
            : msg('lint.ingress.snippet.hint', {}),
      });
    }
  }
  return out;
}
