/**
 * Naming rules shared by the forms (instant feedback) and the server (the authority).
 * Team, project, environment and app names end up in URLs and in Kubernetes object and
 * namespace names, so they follow DNS label rules; each message states the rule.
 */
import { z } from "zod";

// Team slugs share the URL space with the console's own top-level pages.
const RESERVED_TEAM_SLUGS = new Set([
  "api", "app", "apps", "account", "admin", "auth", "invite", "new", "settings", "sign-in", "sign-up",
  "sign-out", "static", "public", "teams", "webhooks", "_next", "favicon.ico", "robots.txt", "health",
]);

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

function dnsLabel(what: string, max: number, pattern = DNS_LABEL, startRule = "start and end with a letter or digit") {
  const article = /^[aeiou]/.test(what) ? "An" : "A";
  return z
    .string({ error: `Enter a ${what} name.` })
    .trim()
    .min(1, `Enter a ${what} name.`)
    .max(max, `${article} ${what} name has at most ${max} characters.`)
    .regex(
      pattern,
      `${article} ${what} name may contain only lowercase letters, digits and hyphens, and must ${startRule}.`,
    );
}

export const teamSlugSchema = dnsLabel("team URL", 40).refine((slug) => !RESERVED_TEAM_SLUGS.has(slug), {
  message: "That team URL is reserved by Slipway; choose another.",
});

export const displayNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(64, "A name has at most 64 characters.");

// Namespaces are `<team>-<project>-<environment>` (at most 63 characters), so the parts stay short.
export const projectNameSchema = dnsLabel("project", 30);
export const environmentNameSchema = dnsLabel("environment", 20);
// Apps name a Service, which Kubernetes requires to start with a letter (DNS-1035).
export const appNameSchema = dnsLabel("app", 40, DNS_1035_LABEL, "start with a letter and end with a letter or digit");

export const emailSchema = z
  .string({ error: "Enter an e-mail address." })
  .trim()
  .toLowerCase()
  .max(254, "An e-mail address has at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid e-mail address, like ada@example.com." }));

export const PASSWORD_MIN = 10;
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(200, "A password has at most 200 characters.")
  .refine((value) => new Set(value).size >= 5, "This password is too easy to guess: use more varied characters.")
  .refine(
    (value) => !/^(password|qwerty|letmein|123456|admin)/i.test(value),
    "This password is too easy to guess: avoid common words.",
  );

/** A team URL suggested from its display name: "Acme Inc." → "acme-inc". */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents come apart under NFKD; drop the marks, keep the letters
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
