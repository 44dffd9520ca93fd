import { expect, test } from "@playwright/test";
import { startGitServer, type GitServer } from "../integration/helpers/git-server";
import { appWithRepository, uniqueId } from "./helpers";

let git: GitServer;
test.beforeAll(async () => {
  git = await startGitServer();
});
test.afterAll(async () => {
  await git?.stop();
});

test.setTimeout(300_000);

test("deploy from the app page, watch the rollout reach Available, roll back after reading the diff", async ({ page }) => {
  const id = uniqueId();
  await git.createRepository(`deploy-${id}`, { fixture: "static-site" });
  const { appPath } = await appWithRepository(page, id, git.repoUrl(`deploy-${id}`));

  // Build once.
  await page.getByRole("link", { name: "Builds" }).click();
  await page.getByRole("button", { name: "Build now" }).click();
  await expect(page.getByTestId("build-status")).toHaveText(/Succeeded/, { timeout: 120_000 });

  // Deploy from the overview, after reading the diff.
  await page.getByRole("navigation", { name: "App" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: /Deploy build #1/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("diff-image")).toBeVisible();
  await expect(dialog.getByTestId("diff-objects")).toContainText("Deployment/web");
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByText("v1 is on its way out.")).toBeVisible();
  await expect(page.getByTestId("app-status")).toHaveText("Running", { timeout: 60_000 });
  await expect(page.getByTestId("rollout-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("ready-replicas")).toHaveText("1");

  // A settings change goes out as v2.
  await page.getByRole("navigation", { name: "App" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("GREETING");
  await page.getByLabel("Variable 1 value").fill("hello");
  await page.getByRole("button", { name: "Save and deploy" }).click();
  await expect(page.getByText("Saved; v2 is rolling out.")).toBeVisible();

  // Roll back to v1 from the releases page, reading the diff first.
  await page.goto(`${appPath}/releases`);
  await expect(page.getByTestId("release-v2")).toContainText("Settings: env GREETING");
  await expect(page.getByTestId("release-v2")).toContainText("Available", { timeout: 60_000 });
  await page.getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByRole("dialog").getByTestId("diff-settings")).toContainText("env GREETING");
  await page.screenshot({ path: ".data/test/screenshots/rollback-diff.png" });
  await page.getByRole("dialog").getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByTestId("app-status")).toHaveText("Running", { timeout: 60_000 });
  await expect(page.getByTestId("auto-deploy-paused")).toHaveCount(0);
  await page.goto(`${appPath}/releases`);
  await expect(page.getByTestId("release-v3")).toContainText("Roll back to v1");
  await expect(page.getByTestId("release-v3")).toContainText("Available", { timeout: 60_000 });
  await page.screenshot({ path: ".data/test/screenshots/releases.png", fullPage: true });

  // The team page lists the app with the status of its newest release.
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Projects", exact: true }).click();
  await expect(page.getByRole("link", { name: "web" })).toBeVisible();
  await expect(page.getByRole("main").getByText("v3 available")).toBeAttached();
  await page.screenshot({ path: ".data/test/screenshots/team-page.png" });
});
