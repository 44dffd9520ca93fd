import { expect, test } from "@playwright/test";
import { startGitServer, type GitServer } from "../integration/helpers/git-server";
import { createTeam, signUp, uniqueId } from "./helpers";

let git: GitServer;
test.beforeAll(async () => {
  git = await startGitServer();
});
test.afterAll(async () => {
  await git?.stop();
});

test("connect a repository, build it, watch the log arrive, and see the digest", async ({ page }) => {
  const id = uniqueId();
  // A Dockerfile with a step that takes a few seconds, so the log is visibly written while it runs.
  const prefix = process.env.SLIPWAY_PRESET_IMAGE_PREFIX ?? "docker.io/library";
  await git.createRepository(`site-${id}`, {
    fixture: "static-site",
    files: { Dockerfile: `FROM ${prefix}/busybox:1.36\nRUN echo compiling the site ${id} && sleep 4 && echo done\nCOPY index.html /srv/\nCMD ["busybox", "httpd", "-f", "-p", "8080", "-h", "/srv"]\n` },
  });

  await signUp(page, { name: "Dev Eloper", email: `dev-${id}@example.test` });
  const slug = await createTeam(page, `Builders ${id}`);
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill("site");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("button", { name: "New app in production" }).click();
  await page.getByLabel("App name").fill("web");
  await page.getByRole("button", { name: "Create app" }).click();
  await page.waitForURL(`**/${slug}/apps/*`);

  // Connect the repository from the settings page: check it, pick the branch, save.
  await page.getByRole("link", { name: "Connect a repository" }).click();
  await page.getByLabel("Repository URL").fill(git.repoUrl(`site-${id}`));
  await page.getByRole("button", { name: "Check repository" }).click();
  await expect(page.getByText("Repository found: 1 branch.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Branch" })).toHaveText(/main/);
  await page.getByRole("button", { name: "Save repository" }).click();
  await expect(page.getByText("Repository connected.")).toBeVisible();

  // Build: the page follows it live.
  await page.getByRole("link", { name: "Builds" }).click();
  await page.getByRole("button", { name: "Build now" }).click();
  await page.waitForURL(/\/builds\/[a-z0-9]+$/);
  const log = page.getByRole("log", { name: "Build log" });
  // Output arrives while the build runs: the RUN step's first line is on screen while the status still says Building.
  await expect(log).toContainText("compiling the site", { timeout: 60_000 });
  await expect(page.getByTestId("build-status")).toHaveText(/Building/);
  await expect(page.getByTestId("step-build")).toHaveAttribute("data-status", "running");

  await expect(page.getByTestId("build-status")).toHaveText(/Succeeded/, { timeout: 120_000 });
  await expect(page.getByTestId("image-digest")).toHaveText(/^sha256:[0-9a-f]{64}$/);
  await expect(page.getByTestId("step-push")).toHaveAttribute("data-status", "succeeded");
  await expect(log).toContainText("==> push");
  await expect(page.getByRole("heading", { name: "Image layers" })).toBeVisible();
  await page.screenshot({ path: ".data/test/screenshots/build.png", fullPage: true });
});
