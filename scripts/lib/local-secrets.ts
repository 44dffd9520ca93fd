/**
 * Secrets Slipway needs that a first-time user has not set: generated once and kept in
 * .data/secrets.json (mode 0600), so sessions and encrypted values survive restarts.
 * In production, set them in the environment instead.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const GENERATED = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  SLIPWAY_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  SLIPWAY_EMBEDDED_PG_PASSWORD: () => randomBytes(18).toString("base64url"),
};
type Name = keyof typeof GENERATED;

export function loadLocalSecrets(dataDir: string, log: (line: string) => void): Record<Name, string> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Record<Name, string>> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of Object.keys(GENERATED) as Name[]) {
    if (stored[name]) continue;
    stored[name] = GENERATED[name]();
    changed = true;
    if (!process.env[name]) log(`Generated ${name} into ${path.relative(process.cwd(), file)} (set it in the environment in production).`);
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored as Record<Name, string>;
}
