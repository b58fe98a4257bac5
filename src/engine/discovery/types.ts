/**
 * Types shared by discovery's modules (kept here so that the modules that fill them and the ones that
 * read them need not import each other).
 */

/** Where a variable came from. */
export type EnvSource =
  | { kind: 'container'; detail: string } // "env[2]" or "envFrom[0] configMapRef app-config"
  | { kind: 'service'; service: string } // "default/db"
  | { kind: 'runtime'; detail: string }; // PATH / HOSTNAME / HOME set by the container runtime

export interface PodEnvVar {
  name: string; // "DB_SERVICE_HOST"
  value: string; // "10.96.0.42"
  source: EnvSource;
}
