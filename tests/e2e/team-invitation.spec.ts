import { expect, test } from "@playwright/test";
import { createTeam, signUp, uniqueId } from "./helpers";

test("an owner invites a viewer, who joins read-only; the owner renames the team and the audit log shows it", async ({ browser }) => {
  const id = uniqueId();
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();

  await signUp(owner, { name: "Olivia Owner", email: `olivia-${id}@example.test` });
  const slug = await createTeam(owner, `Acme ${id}`);
  await expect(owner.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();

  // Invite a viewer from the team settings; the link is shown to share.
  await owner.getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("E-mail").fill(`vera-${id}@example.test`);
  await owner.getByRole("combobox", { name: "Role" }).click();
  await owner.getByRole("option", { name: /^Viewer/ }).click();
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const link = (await owner.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);

  // The invitee, in a browser of their own, creates an account from the link and accepts.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(new URL(link).pathname);
  await expect(viewer.getByRole("heading", { name: `Join Acme ${id}` })).toBeVisible();
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await expect(viewer.getByLabel("E-mail")).toHaveValue(`vera-${id}@example.test`);
  await viewer.getByLabel("Name").fill("Vera Viewer");
  await viewer.getByLabel("Password").fill("a long enough passphrase 7");
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: `Join Acme ${id}` }).click();
  await viewer.waitForURL(`**/${slug}`);

  // The viewer sees the team, as a viewer, with no way to create a project…
  await expect(viewer.getByRole("button", { name: /Team: Acme .*Switch team/ })).toContainText("Viewer");
  await expect(viewer.getByRole("heading", { name: "No projects yet" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New project" })).toHaveCount(0);

  // …and the API refuses the call when made directly.
  const direct = await viewer.request.post("/api/trpc/project.create", { data: { json: { teamSlug: slug, name: "sneaky" } } });
  expect(direct.status()).toBe(403);
  expect((await direct.json()).error.json.message).toMatch(/needs the developer role or higher; you are viewer/);

  // The owner renames the team; the audit log shows who did it.
  await owner.getByLabel("Team name").fill(`Acme Renamed ${id}`);
  await owner.getByRole("button", { name: "Save", exact: true }).click();
  await expect(owner.getByText("Team renamed.")).toBeVisible();
  await owner.getByRole("link", { name: "Audit log" }).click();
  const renameRow = owner.getByRole("row").filter({ hasText: "team.rename" });
  await expect(renameRow).toContainText(`olivia-${id}@example.test`);
  await expect(renameRow).toContainText(`Acme Renamed ${id}`);
  await expect(owner.getByRole("row").filter({ hasText: "invitation.accept" })).toContainText(`vera-${id}@example.test`);

  await owner.screenshot({ path: ".data/test/screenshots/audit-log.png" });
  await ownerContext.close();
  await viewerContext.close();
});
