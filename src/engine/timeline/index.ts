/**
 * Time in the scene (architecture principle 17): a Timeline's faults and the cluster's reactions at
 * their Kubernetes 1.36 default timings; `clusterAt` gives the cluster at any instant.
 */
export { clusterAt, type ClusterAt, type TimelineEvent } from './at';
export * from './defaults';
