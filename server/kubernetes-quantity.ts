/**
 * Kubernetes resource quantities ("500m", "0.5", "512Mi", "1G", "1e3"): the grammar of
 * k8s.io/apimachinery's resource.Quantity, so a value accepted here is accepted by the API
 * server. Signs are not accepted: Slipway never needs negative amounts. Pure; used by the run
 * settings and by slipway.yaml.
 */
const QUANTITY = /^(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
const SUFFIX_FACTOR: Record<string, number> = {
  "": 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The value of a Kubernetes quantity ("500m" → 0.5, "1Gi" → 1073741824), or null when it is not one. */
export function parseQuantity(value: string): number | null {
  const match = QUANTITY.exec(value.trim());
  if (!match) return null;
  const number = Number.parseFloat(match[1]!);
  const suffix = match[3] ?? "";
  if (/^[eE]/.test(suffix)) return number * 10 ** Number.parseInt(suffix.slice(1), 10);
  const factor = SUFFIX_FACTOR[suffix];
  return factor === undefined ? null : number * factor;
}

/** A quantity above zero: what a CPU, memory or storage amount must be. */
export function isPositiveQuantity(value: string): boolean {
  const parsed = parseQuantity(value);
  return parsed !== null && parsed > 0;
}
