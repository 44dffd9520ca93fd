import { expect, test } from "@playwright/test";
import { deployedApp, uniqueId } from "./helpers";

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
