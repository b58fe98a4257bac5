/**
 * The pages nginx itself answers with (ngx_http_special_response.c), as ingress-nginx serves them:
 * `server_tokens off`, so the footer says just "nginx". ngx.redirect() for the HTTPS redirect and the
 * controller's built-in default backend (404) use the same pages.
 */

const PAGE_TAIL = '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function page(status: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n${PAGE_TAIL}`;
}

/** 404 from the controller's default backend: nothing matched and no defaultBackend applies. */
export const NOT_FOUND_BODY = page('404 Not Found');
/** 503: the chosen upstream has no endpoint. */
export const UNAVAILABLE_BODY = page('503 Service Temporarily Unavailable');
/** 308: ssl-redirect (ingress-nginx's http-redirect-code defaults to 308). */
export const PERMANENT_REDIRECT_BODY = page('308 Permanent Redirect');

export const HTML_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'text/html' };
