/**
 * The app the build benchmark builds: the node-app fixture with a Dockerfile in the shape most
 * Node apps use — manifests first, install, then the sources — so a source change reuses the
 * install layer. Nothing can be downloaded here, so the install step's real work is done by
 * tools/install-deps.js: it writes a node_modules of ~600 generated packages (~24 MB of partly
 * compressible JavaScript), which is what `npm ci` leaves behind for a mid-sized app. A few
 * hundred KB of static assets make the sources layer a realistic size.
 */
import { randomBytes } from "node:crypto";
import type { RepositoryFiles } from "../../tests/integration/helpers/git-server";

export const BENCH_FIXTURE = "node-app";

export const DOCKERFILE = `ARG BASE_PREFIX=docker.io/library
FROM \${BASE_PREFIX}/node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY tools/ ./tools/
RUN npm ci --no-audit --no-fund && node tools/install-deps.js
COPY . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
`;

const INSTALL_DEPS = `// Stands in for downloading dependencies: writes node_modules/dep-N/index.js.
const fs = require("node:fs");
const crypto = require("node:crypto");
for (let p = 0; p < 600; p += 1) {
  const dir = "node_modules/dep-" + p;
  fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  for (let i = 0; i < 640; i += 1) {
    lines.push("exports.f" + i + " = (a, b) => a * " + i + " + b; // " + crypto.randomBytes(16).toString("hex"));
  }
  fs.writeFileSync(dir + "/index.js", lines.join("\\n"));
  fs.writeFileSync(dir + "/package.json", JSON.stringify({ name: "dep-" + p, version: "1.0.0", main: "index.js" }));
}
`;

/** Files added to the fixture when the repository is created. */
export function benchAppFiles(): RepositoryFiles {
  // Random, so no two rounds (or earlier runs) share a sources layer with the registry.
  const assets = randomBytes(192 * 1024).toString("base64");
  return {
    Dockerfile: DOCKERFILE,
    ".dockerignore": ".git\nnode_modules\n",
    "tools/install-deps.js": INSTALL_DEPS,
    "public/app.js": `window.APP_ASSETS = "${assets}";\n`,
  };
}

/** The one-file change of the rebuild: a source file copied after the dependency layers. */
export function oneFileChange(round: number): RepositoryFiles {
  return { "greeting.js": `exports.greeting = () => "Hello from node-app, round ${round}";\n` };
}
