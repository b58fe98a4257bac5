/**
 * Sizes in graph units. The graph is fitted to its panel, so what matters for a projector is the ratio
 * of text to box: boxes are tight around large text (17–19 units), and gaps are small, so that at the
 * fit-view zoom of a 1280×720 screen the labels stay legible.
 */
export const POD_W = 230;
export const POD_H = 54;
export const NODE_PAD = 10;
export const NODE_HEADER = 38;
export const PROXY_H = 62;
export const GAP = 6;
export const NODE_W = POD_W + 2 * NODE_PAD;
export const SERVICE_W = 240;
export const SERVICE_H = 96;
/** One more address line in a box (a dual-stack pod's or Service's second address, a node's IPv6). */
export const IP_LINE = 20;
/** Characters of 16 px monospace that fit on one line of a pod or Service box (long IPv6 addresses wrap). */
export const IP_LINE_CHARS = 21;
export const CLIENT_W = 180;
export const CLIENT_H = 58;
export const ZONE_PAD = 14;
/** A Gateway: its name and address, a row per listener, then a box per attached route. */
export const GATEWAY_W = 240;
export const GATEWAY_HEADER = 56;
export const LISTENER_H = 24;
export const ROUTE_H = 54;
/** An Ingress: its name and address, then a row per path (host and path, then the Service it sends to). */
export const INGRESS_HEADER = 50;
export const PATH_H = 44;
/** At most this many path rows in an Ingress box; the rest are counted ("+3 more"). */
export const INGRESS_PATHS = 6;
export const ZONE_HEADER = 34;
/** Extra height above a zone's nodes for its label. */
export const ZONE_LABEL = 22;
/** At most this many Service chips on a kube-proxy box (one row); the rest are counted ("+3"). */
export const PROXY_CHIPS = 2;
/**
 * The smallest label in the graph while presenting, in graph units (styles.css raises the tags, chips
 * and sub-lines to it under `.presenting`): the presenter's camera never zooms below readable / this.
 */
export const SMALLEST_LABEL = 16;
/**
 * A workload with more pods than this is drawn as one group box per node (pod-groups.ts): a lesson's
 * three or ten replicas stay pods, a Deployment of 200 is a handful of boxes.
 */
export const POD_GROUP_ABOVE = 12;
/** A group's box: its name and count, its kind, then the ready/not-ready tally. */
export const GROUP_H = POD_H + IP_LINE;
