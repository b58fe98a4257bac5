/**
 * gRPC status codes, and what Envoy does when it answers a gRPC call itself (no route, a direct 500, no
 * healthy upstream, an upstream that cannot be reached): a request whose content-type is
 * `application/grpc…` gets its local reply as gRPC (Envoy's Utility::sendLocalReply): HTTP 200,
 * `content-type: application/grpc`, `grpc-status` from the HTTP code (Grpc::Utility::httpToGrpcStatus,
 * the mapping of grpc/doc/http-grpc-status-mapping.md) and the body text as `grpc-message`.
 *
 * @example
 * grpcLocalReply(404, '').headers['grpc-status']; // "12" (UNIMPLEMENTED)
 */
import type { HttpResponse } from '../trace';

/** The names grpc-go's codes.Code String() prints, by code. */
export const GRPC_CODES = [
  'OK',
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
] as const;

/**
 * Envoy's httpToGrpcStatus.
 *
 * @example httpToGrpcStatus(503); // 14 (UNAVAILABLE)
 */
export function httpToGrpcStatus(status: number): number {
  switch (status) {
    case 400:
      return 13;
    case 401:
      return 16;
    case 403:
      return 7;
    case 404:
      return 12;
    case 429:
    case 502:
    case 503:
    case 504:
      return 14;
    default:
      return 2;
  }
}

/** Whether a content-type is gRPC's (`application/grpc`, `application/grpc+proto`, …). */
export const isGrpcContentType = (v: string | undefined): boolean =>
  v !== undefined && /^application\/grpc(?:$|[+;])/i.test(v.trim());

/**
 * Envoy's local reply to a gRPC call: a trailers-only answer (HTTP 200) with the gRPC status the HTTP
 * code maps to; the body text, if any, becomes grpc-message (its final newline dropped).
 *
 * @example grpcLocalReply(503, 'no healthy upstream').headers['grpc-message']; // "no healthy upstream"
 */
export function grpcLocalReply(status: number, body: string): HttpResponse {
  const message = body.endsWith('\n') ? body.slice(0, -1) : body;
  return {
    status: 200,
    body: '',
    headers: {
      'content-type': 'application/grpc',
      'grpc-status': String(httpToGrpcStatus(status)),
      ...(message !== '' ? { 'grpc-message': message } : {}),
      server: 'envoy',
    },
  };
}
