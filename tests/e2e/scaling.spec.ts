import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createTeam, signUp, uniqueId } from "./helpers";

// The same set-up as logs.spec.ts (spec files cannot import each other).
/** An app deployed to the test cluster: made in the UI, with a build row standing in for a real build (its image is never pulled by kwok). */
async function deployedApp(page: Page, id: string) {
  await signUp(page, { name: "Op Erator", email: `ops-${id}@example.test` });
  const slug = await createTeam(page, `Operators ${id}`);
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill("shop");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("button", { name: "New app in production" }).click();
  await page.getByLabel("App name").fill("web");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.waitForURL(`**/${slug}/apps/*`);
  const appPath = new URL(page.url()).pathname;
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


test("scaling: 1 → 3 at once, pause and resume, autoscaling, and a refused count", async ({ page }) => {
  const id = uniqueId();
  const { appPath } = await deployedApp(page, id);
  await page.goto(`${appPath}/scaling`);
  const desired = page.getByTestId("replicas-desired");
  const ready = page.getByTestId("replicas-ready");
  await expect(ready).toHaveText("1", { timeout: 60_000 });

  await page.getByRole("spinbutton", { name: "Replicas" }).fill("3");
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  await expect(desired).toHaveText("3");
  await expect(ready).toHaveText("3", { timeout: 30_000 });

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused (resumes at 3)")).toBeVisible();
  await expect(desired).toHaveText("0");
  await expect(ready).toHaveText("0", { timeout: 30_000 });
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(ready).toHaveText("3", { timeout: 30_000 });

  await page.getByRole("spinbutton", { name: "Replicas" }).fill("25");
  await page.getByRole("button", { name: "Scale", exact: true }).click();
  await expect(page.getByText("Replicas is at most 20 (this server's limit).")).toBeVisible();

  await page.getByLabel("Autoscale").check();
  await page.getByLabel("Minimum").fill("2");
  await page.getByLabel("Maximum").fill("4");
  await page.getByLabel("CPU target %").fill("70");
  await page.getByRole("button", { name: "Save autoscaling" }).click();
  await expect(page.getByText(/Autoscaler: 2–4/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("scaling-marker").first()).toBeAttached({ timeout: 30_000 });
  await page.screenshot({ path: ".data/test/screenshots/scaling.png", fullPage: true });
});
