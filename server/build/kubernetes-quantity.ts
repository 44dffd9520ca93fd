/**
 * Kubernetes resource quantities ("500m", "0.5", "512Mi", "1G", "1e3"): the grammar of
 * k8s.io/apimachinery's resource.Quantity, so a value accepted here is accepted by the API server.
 */
const QUANTITY = /^\+?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function isKubernetesQuantity(value: string): boolean {
  return QUANTITY.test(value) && !/^\+?0*(\.0*)?([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/.test(value);
}
