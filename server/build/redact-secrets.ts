/**
 * Removes known secret strings (tokens, passwords, private keys) from text before it reaches a
 * log, the browser or an error message. A tool can echo a secret in a different shape than we
 * gave it, so each secret is also matched as base64 (HTTP Basic headers), URL-encoded, and line
 * by line for multi-line secrets such as private keys (output is forwarded one line at a time).
 */
const REDACTED = "[redacted]";
// Shorter strings would redact ordinary words; nothing we treat as a secret is this short.
const MIN_SECRET_LENGTH = 4;

export type Redactor = (text: string) => string;

export function createRedactor(secrets: Iterable<string | undefined | null>): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    needles.add(secret);
    const base64 = Buffer.from(secret).toString("base64");
    needles.add(base64);
    needles.add(base64.replace(/=+$/, ""));
    needles.add(encodeURIComponent(secret));
    if (secret.includes("\n")) {
      for (const line of secret.split(/\r?\n/)) {
        // Only the key's body lines; "-----END OPENSSH PRIVATE KEY-----" is not secret.
        if (line.length >= 16 && !line.startsWith("-----")) needles.add(line.trim());
      }
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...needles].filter((n) => n.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let result = text;
    for (const needle of ordered) {
      if (result.includes(needle)) result = result.split(needle).join(REDACTED);
    }
    return result;
  };
}
