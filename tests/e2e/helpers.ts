import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const uniqueId = () => randomBytes(3).toString("hex");

export async function signUp(page: Page, { name, email }: { name: string; email: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long enough passphrase 7");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
}

export async function createTeam(page: Page, name: string): Promise<string> {
  await expect(page.getByRole("heading", { name: /Create your first team|Create a team/ })).toBeVisible();
  await page.getByLabel("Team name").fill(name);
  const slug = await page.getByLabel("Team URL").inputValue();
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(`**/${slug}`);
  return slug;
}
