import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

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

/** Signs up, creates a team, a project and an app "web" in its production environment. */
async function newApp(page: Page, { user, team, project }: { user: { name: string; email: string }; team: string; project: string }): Promise<{ slug: string; appPath: string }> {
  await signUp(page, user);
  const slug = await createTeam(page, team);
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill(project);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("button", { name: "New app in production" }).click();
  await page.getByLabel("App name").fill("web");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.waitForURL(`**/${slug}/apps/*`);
  return { slug, appPath: new URL(page.url()).pathname };
}

/** Signs up, creates a team, a project "site" and an app "web", and connects `repoUrl` on branch main. */
export async function appWithRepository(page: Page, id: string, repoUrl: string): Promise<{ slug: string; appPath: string }> {
  const { slug, appPath } = await newApp(page, { user: { name: "Dev Eloper", email: `dev-${id}@example.test` }, team: `Builders ${id}`, project: "site" });

  await page.getByRole("link", { name: "Connect a repository" }).click();
  await page.getByLabel("Repository URL").fill(repoUrl);
  await page.getByRole("button", { name: "Check repository" }).click();
  await expect(page.getByText("Repository found: 1 branch.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Branch" })).toHaveText(/main/);
  await page.getByRole("button", { name: "Save repository" }).click();
  await expect(page.getByText("Repository connected.")).toBeVisible();
  return { slug, appPath };
}

/** An app deployed to the test cluster: made in the UI, with a build row standing in for a real build (its image is never pulled by kwok). */
export async function deployedApp(page: Page, id: string): Promise<{ slug: string; appPath: string; appId: string }> {
  const { slug, appPath } = await newApp(page, { user: { name: "Op Erator", email: `ops-${id}@example.test` }, team: `Operators ${id}`, project: "shop" });
  const appId = appPath.split("/").at(-1)!;

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ teamId: string }>(`SELECT "teamId" FROM "App" WHERE id = $1`, [appId]);
  const image = `registry.example.test/e2e/web@sha256:${randomBytes(32).toString("hex")}`;
  await client.query(
    `INSERT INTO "Build" (id, "appId", "teamId", number, status, trigger, branch, "commitSha", "imageReference", "imageDigest", steps, detected, "startedAt", "finishedAt")
     VALUES ($1, $2, $3, 1, 'SUCCEEDED', 'manual', 'main', $4, $5, $6, '[]', '{"kind":"dockerfile","summary":"Dockerfile","config":{"User":"1000"}}', now(), now())`,
    [`e2e${randomBytes(8).toString("hex")}`, appId, rows[0]!.teamId, randomBytes(20).toString("hex"), image, image.split("@")[1]],
  );
  await client.end();
  const deploy = await page.request.post("/api/trpc/release.deploy", { data: { json: { teamSlug: slug, appId } } });
  expect(deploy.ok(), await deploy.text()).toBe(true);
  return { slug, appPath, appId };
}
