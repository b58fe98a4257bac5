/** Sizes in graph units, chosen to stay readable on a 1280×720 projector at fit-view zoom. */
export const POD_W = 230;
export const POD_H = 56;
export const NODE_PAD = 12;
export const NODE_HEADER = 52;
export const PROXY_H = 44;
export const GAP = 8;
export const NODE_W = POD_W + 2 * NODE_PAD;
export const SERVICE_W = 250;
export const SERVICE_H = 100;
export const CLIENT_W = 170;
export const CLIENT_H = 64;
export const ZONE_PAD = 20;
export const ZONE_HEADER = 34;
