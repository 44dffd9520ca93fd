import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from "@kubernetes/client-node";
import pg from "pg";
import { deployedApp, uniqueId } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");
const kubeconfigPath = process.env.SLIPWAY_KUBECONFIG ?? path.join(root, ".data", "kubeconfig");
const logDir = process.env.SLIPWAY_TESTCLUSTER_LOGS ?? path.join(root, ".data", "testcluster", "logs");

async function runningPods(page: Page, appPath: string): Promise<string[]> {
  await page.goto(`${appPath}/pods`);
  await expect(page.getByTestId("pod-row").first()).toBeVisible({ timeout: 60_000 });
  return page.getByTestId("pod-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-pod")!));
}

/** Writes lines to a pod's log file the way a container would, and points kwok at the file on first use. */
async function appendPodLog(namespace: string, pod: string, lines: string[]) {
  const file = path.join(logDir, namespace, `${pod}.log`);
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, "");
  await appendFile(file.replace(/\.log$/, ".previous.log"), "");
  await appendFile(file, lines.map((line) => `${new Date().toISOString()} stdout F ${line}\n`).join(""));
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfig).create({ apiVersion: "kwok.x-k8s.io/v1alpha1", kind: "Logs", metadata: { name: pod, namespace }, spec: { logs: [{ logsFile: file, previousLogsFile: file.replace(/\.log$/, ".previous.log"), follow: true }] } } as never);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    await expect.poll(async () => (await core.readNamespacedPodLog({ name: pod, namespace, container: "web" }).catch(() => "")).length, { timeout: 15_000 }).toBeGreaterThan(0);
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
  }
}

async function namespaceOf(appId: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ namespace: string }>(`SELECT e.namespace FROM "App" a JOIN "Environment" e ON e.id = a."environmentId" WHERE a.id = $1`, [appId]);
  await client.end();
  return rows[0]!.namespace;
}

test("live logs: a new line arrives within a second, filter, bad regex, download, and 100,000 lines stay responsive", async ({ page }) => {
  const id = uniqueId();
  const { appPath, appId } = await deployedApp(page, id);
  const [pod] = await runningPods(page, appPath);
  const namespace = await namespaceOf(appId);
  await appendPodLog(namespace, pod!, [`booting ${id}`, "\u001b[31mred alert\u001b[0m and plain text"]);

  await page.getByRole("link", { name: "Logs" }).click();
  const log = page.getByRole("log", { name: "App log" });
  await expect(log).toContainText(`booting ${id}`);
  await expect(log.getByText("red alert")).toHaveCSS("color", "rgb(187, 0, 0)");
  await expect(page.getByTestId("log-pod")).toHaveText([pod!]);

  // A line written now is on screen within a second.
  await appendPodLog(namespace, pod!, [`hello from ${id}`]);
  await expect(log).toContainText(`hello from ${id}`, { timeout: 1_000 });

  // Filter (on the server, so the tail is searched too), and a regular expression RE2 refuses.
  await page.getByLabel("Filter").fill("hello");
  await expect(page.getByTestId("log-line")).toHaveCount(1);
  await expect(page.getByTestId("log-line")).toContainText(`hello from ${id}`);
  await page.getByLabel("Regex").check();
  await page.getByLabel("Filter").fill("(hello)\\1");
  await expect(page.locator("#log-filter-error")).toHaveText(/Back-references \(\\1\) are not supported/);
  await page.getByLabel("Filter").fill("^(booting|hello) .*$");
  await expect(page.getByTestId("log-line")).toHaveCount(2);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download" }).click();
  const file = await readFile((await (await downloading).path())!, "utf8");
  expect(file.trim().split("\n").map((line) => line.split(" ").slice(2).join(" "))).toEqual([`booting ${id}`, `hello from ${id}`]);

  // 100,000 lines: the list is virtualized, so the page stays responsive.
  await page.getByLabel("Regex").uncheck();
  await page.getByLabel("Filter").fill("");
  // The unfiltered stream is on (the line the filter hid is back) before the flood starts.
  await expect(log).toContainText("red alert");
  const batch = 10_000;
  for (let start = 0; start < 100_000; start += batch) {
    await appendPodLog(namespace, pod!, Array.from({ length: batch }, (_, index) => `bulk line ${start + index} \u001b[32mok\u001b[0m`));
  }
  await expect(log).toContainText("bulk line 99999", { timeout: 60_000 });
  await expect(page.getByTestId("log-line-count")).toHaveText(/^100,00\d lines$/);
  expect(await page.getByTestId("log-line").count()).toBeLessThan(200);
  const clicked = Date.now();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: /^Resume/ })).toBeVisible();
  expect(Date.now() - clicked).toBeLessThan(1_000);
  await page.getByRole("button", { name: /^Resume/ }).click();
  await page.screenshot({ path: ".data/test/screenshots/logs.png", fullPage: true });

  // The pods page shows the pod and the events of the app's objects.
  await page.getByRole("link", { name: "Pods" }).click();
  await expect(page.getByTestId("pod-row")).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Events" })).toContainText("ScalingReplicaSet");
  await page.screenshot({ path: ".data/test/screenshots/pods.png", fullPage: true });
});
