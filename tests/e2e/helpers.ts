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

/** Signs up, creates a team, a project "site" and an app "web", and connects `repoUrl` on branch main. */
export async function appWithRepository(page: Page, id: string, repoUrl: string): Promise<{ slug: string; appPath: string }> {
  await signUp(page, { name: "Dev Eloper", email: `dev-${id}@example.test` });
  const slug = await createTeam(page, `Builders ${id}`);
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill("site");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("button", { name: "New app in production" }).click();
  await page.getByLabel("App name").fill("web");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.waitForURL(`**/${slug}/apps/*`);
  const appPath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Connect a repository" }).click();
  await page.getByLabel("Repository URL").fill(repoUrl);
  await page.getByRole("button", { name: "Check repository" }).click();
  await expect(page.getByText("Repository found: 1 branch.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Branch" })).toHaveText(/main/);
  await page.getByRole("button", { name: "Save repository" }).click();
  await expect(page.getByText("Repository connected.")).toBeVisible();
  return { slug, appPath };
}
