/**
 * Validates a branch name with git's own rules (git-check-ref-format for refs/heads/<name>),
 * plus no leading "-", so a name can never be read as an option by git or reach a ref that a
 * branch cannot be.
 */
export type BranchNameResult = { ok: true; branch: string } | { ok: false; message: string };

const MAX_LENGTH = 255;

export function validateBranchName(input: string): BranchNameResult {
  const branch = input.trim();
  const fail = (reason: string): BranchNameResult => ({ ok: false, message: `"${printable(branch)}" is not a valid branch name: ${reason}.` });

  if (branch === "") return { ok: false, message: "Enter a branch name, like main." };
  if (branch.length > MAX_LENGTH) return { ok: false, message: `A branch name has at most ${MAX_LENGTH} characters.` };
  if (branch.startsWith("-")) return fail("it cannot begin with \"-\"");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(branch)) {
    return fail("it cannot contain spaces, control characters or any of ~ ^ : ? * [ \\");
  }
  if (branch.includes("..")) return fail("it cannot contain \"..\"");
  if (branch.includes("@{") || branch === "@") return fail("it cannot be \"@\" or contain \"@{\"");
  if (branch.startsWith("/") || branch.endsWith("/") || branch.includes("//")) {
    return fail("it cannot begin or end with \"/\" or contain \"//\"");
  }
  if (branch.endsWith(".")) return fail("it cannot end with \".\"");
  for (const part of branch.split("/")) {
    if (part.startsWith(".")) return fail("no part of it can begin with \".\"");
    if (part.endsWith(".lock")) return fail("no part of it can end with \".lock\"");
  }
  return { ok: true, branch };
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 80);
}
