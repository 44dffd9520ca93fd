/**
 * The registry host of an image reference, the way containers/image reads it: the first path
 * component is a registry when it has a "." or ":" or is "localhost"; otherwise it is Docker Hub.
 */
export function registryOfImage(reference: string): string {
  const ref = reference.replace(/^docker:\/\//, "");
  const slash = ref.indexOf("/");
  if (slash === -1) return "docker.io";
  const first = ref.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first.toLowerCase() : "docker.io";
}

const REFERENCE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/** True for a well-formed image reference (host[:port]/path[:tag][@digest]), lowercase repository. */
export function isImageReference(reference: string): boolean {
  return reference.length <= 512 && !reference.startsWith("-") && REFERENCE.test(reference);
}
