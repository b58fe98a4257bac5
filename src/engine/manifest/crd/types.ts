/**
 * The shapes of a CustomResourceDefinition as svclab reads it (registry.ts holds the installed ones):
 * apart from the registry so that code which only walks a schema does not load the schemas
 * (issue 17, cold load).
 *
 * @example
 * const s: SchemaProps = { type: 'string', maxLength: 253 };
 */
/** One node of a CRD's structural schema (OpenAPI v3 as CRDs write it). */
export interface SchemaProps {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, SchemaProps>;
  items?: SchemaProps;
  additionalProperties?: boolean | SchemaProps;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string; // "int32", "ipv4", "date-time"
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  maxProperties?: number;
  maximum?: number;
  minimum?: number;
  oneOf?: SchemaProps[];
  anyOf?: SchemaProps[];
  not?: SchemaProps;
  'x-kubernetes-validations'?: CelRule[];
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
}

/** An x-kubernetes-validations entry: a CEL rule and what the API server says when it is false. */
export interface CelRule {
  rule: string; // "self.all(l1, self.exists_one(l2, l1.name == l2.name))"
  message?: string; // "Listener name must be unique within the Gateway"
  fieldPath?: string;
  reason?: string;
}

export interface PrinterColumn {
  name: string; // "Programmed"
  jsonPath: string; // '.status.conditions[?(@.type=="Programmed")].status'
  type: string; // "string" | "date"
  priority?: number; // 1: only with -o wide
}

export interface CrdVersion {
  name: string; // "v1"
  storage: boolean;
  printerColumns: PrinterColumn[];
  schema: SchemaProps;
}

export interface Crd {
  group: string; // "gateway.networking.k8s.io"
  kind: string; // "Gateway"
  plural: string; // "gateways"
  singular: string; // "gateway"
  shortNames: string[]; // ["gtw"]
  namespaced: boolean;
  versions: CrdVersion[];
}
