import "server-only";
import { defaultRunSettings, runSettingsSchema, type RunSettings } from "@/server/apps/run-settings";
import { decryptSecret, encryptSecret } from "@/server/crypto";

/** The app's stored run settings, validated; defaults for an app that has none yet. */
export function readRunSettings(stored: unknown): RunSettings {
  if (!stored) return defaultRunSettings();
  const parsed = runSettingsSchema.safeParse(stored);
  // Stored settings were valid when saved; a later, stricter limit should not make an app undeployable.
  return parsed.success ? parsed.data : { ...defaultRunSettings(), ...(stored as Partial<RunSettings>) };
}

export function encryptSecrets(values: Record<string, string>): string | null {
  return Object.keys(values).length > 0 ? encryptSecret(JSON.stringify(values)) : null;
}

export function decryptSecrets(stored: string | null | undefined): Record<string, string> {
  return stored ? (JSON.parse(decryptSecret(stored)) as Record<string, string>) : {};
}
