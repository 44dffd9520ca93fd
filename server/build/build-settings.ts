/**
 * An app's build settings as Slipway stores them (JSON on the app), set on the settings page.
 * Empty or null means "not set": the default applies, or slipway.yaml decides. Store null, not
 * "Dockerfile", for the default Dockerfile path — an explicitly set path must exist, while the
 * default one falls back to detecting a preset.
 */
import { z } from "zod";
import { validateDockerfilePath, validateRootDirectory } from "./repository-path";
import { PRESETS } from "./slipway-yaml";

export const PRESET_CHOICES = ["auto", ...PRESETS] as const;
export type PresetChoice = (typeof PRESET_CHOICES)[number];

const relativePath = (validate: typeof validateRootDirectory) =>
  z
    .string()
    .nullish()
    .transform((value, context) => {
      if (value === null || value === undefined || value.trim() === "") return null;
      const result = validate(value);
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.path;
    });

export const buildSettingsSchema = z.object({
  /** Folder of the app inside the repository (monorepos); null = repository root. */
  rootDirectory: relativePath(validateRootDirectory),
  /** Dockerfile path relative to the root directory; null = "Dockerfile" if present, else a preset. */
  dockerfilePath: relativePath(validateDockerfilePath),
  /** "auto" (or null): the Dockerfile if there is one, else the detected preset. */
  preset: z.enum(PRESET_CHOICES, { error: `Choose one of ${PRESET_CHOICES.join(", ")}.` }).nullish(),
  testCommand: z
    .string()
    .max(4000, "A test command has at most 4000 characters.")
    .nullish()
    .transform((value) => (value?.trim() ? value.trim() : null)),
  buildArgs: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Build argument names use letters, digits and _, and do not start with a digit."),
      z.string(),
    )
    .nullish(),
});

export type BuildSettings = z.input<typeof buildSettingsSchema>;
