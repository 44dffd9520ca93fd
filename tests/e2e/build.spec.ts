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

test("connect a repository, build it, watch the log arrive, and see the digest", async ({ page }) => {
  const id = uniqueId();
  // A Dockerfile with a step that takes a few seconds, so the log is visibly written while it runs.
  const prefix = process.env.SLIPWAY_PRESET_IMAGE_PREFIX ?? "docker.io/library";
  await git.createRepository(`site-${id}`, {
    fixture: "static-site",
    files: { Dockerfile: `FROM ${prefix}/busybox:1.36\nRUN echo compiling the site ${id} && sleep 4 && echo done\nCOPY index.html /srv/\nCMD ["busybox", "httpd", "-f", "-p", "8080", "-h", "/srv"]\n` },
  });

  await appWithRepository(page, id, git.repoUrl(`site-${id}`));

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
