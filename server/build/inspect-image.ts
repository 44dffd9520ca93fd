/**
 * Reads an image back from its registry with skopeo: its digest, its layers with their
 * compressed sizes (what the registry stores and a pull downloads — the sizes drawn in the
 * build page's layer bar) and its runtime config (Cmd, Env, ExposedPorts, User…).
 */
import { BuildError } from "./build-error";
import { isInsecureRegistry } from "./buildah";
import { isImageReference, registryOfImage } from "./image-reference";
import { withPrivateDir } from "./private-dir";
import { createRedactor } from "./redact-secrets";
import { writeAuthFile, type RegistryAuth } from "./registry-auth";
import { registryErrorFromOutput } from "./registry-error";
import { childEnv, runProcess } from "./run-process";

export interface ImageLayer {
  digest: string;
  /** Compressed size in bytes. */
  size: number;
}

export interface InspectedImage {
  digest: string;
  layers: ImageLayer[];
  config: {
    Cmd?: string[];
    Entrypoint?: string[];
    Env?: string[];
    ExposedPorts?: string[];
    User?: string;
    WorkingDir?: string;
    Labels?: Record<string, string>;
  };
  created?: string;
  architecture?: string;
  os?: string;
}

const INDEX_TYPES = ["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"];

export async function inspectImage(
  reference: string,
  options: { auth?: RegistryAuth; signal?: AbortSignal } = {},
): Promise<InspectedImage> {
  const ref = reference.replace(/^docker:\/\//, "");
  if (!isImageReference(ref)) throw new BuildError("inspect_failed", `"${reference}" is not a valid image name.`);

  return withPrivateDir("inspect", async (dir) => {
    const auth = options.auth ? await writeAuthFile(dir, [options.auth]) : undefined;
    const redact = createRedactor(auth?.secrets ?? []);
    const skopeo = async (args: string[], target = ref) => {
      const result = await runProcess(
        "skopeo",
        [
          "inspect",
          "--retry-times", "2",
          ...(isInsecureRegistry(registryOfImage(target)) ? ["--tls-verify=false"] : []),
          ...(auth ? ["--authfile", auth.file] : []),
          ...args,
          "--",
          `docker://${target}`,
        ],
        { env: childEnv({ TMPDIR: dir }), signal: options.signal, redact },
      );
      if (result.exitCode !== 0) throw registryErrorFromOutput(result.stderr, { action: "inspect", reference: target });
      try {
        return JSON.parse(result.stdout) as Record<string, unknown>;
      } catch (error) {
        throw new BuildError("inspect_failed", `The registry returned something that is not JSON for ${target}.`, { cause: error });
      }
    };

    // Three independent reads: asked at once, they cost one round of skopeo's start-up instead of
    // three. A failure is reported from the first of them, as if they had run one after the other:
    // for a missing image the later reads can fail with a less helpful message.
    const reads = await Promise.allSettled([skopeo(["--no-tags"]), skopeo(["--raw"]), skopeo(["--config"])]);
    const failed = reads.find((read) => read.status === "rejected");
    if (failed) throw failed.reason;
    const [summary, raw, configDoc] = reads.map((read) => (read as PromiseFulfilledResult<Record<string, unknown>>).value) as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const digest = String(summary.Digest ?? "");
    let manifest = raw;
    if (INDEX_TYPES.includes(String(manifest.mediaType ?? ""))) {
      // A multi-platform image: read the manifest of the platform skopeo picked (this machine's).
      const repository = ref.split("@")[0]!.replace(/:[^/:]+$/, "");
      const platform = (manifest.manifests as { digest: string; platform?: { os?: string; architecture?: string } }[]).find(
        (entry) => entry.platform?.os === String(summary.Os ?? "linux") && entry.platform?.architecture === String(summary.Architecture ?? "amd64"),
      );
      if (!platform) throw new BuildError("inspect_failed", `${ref} has no image for ${String(summary.Os)}/${String(summary.Architecture)}.`);
      manifest = await skopeo(["--raw"], `${repository}@${platform.digest}`);
    }
    const config = (configDoc.config ?? {}) as Record<string, unknown>;

    return {
      digest,
      layers: ((manifest.layers ?? []) as { digest: string; size: number }[]).map((layer) => ({ digest: layer.digest, size: layer.size })),
      config: {
        Cmd: config.Cmd as string[] | undefined,
        Entrypoint: config.Entrypoint as string[] | undefined,
        Env: config.Env as string[] | undefined,
        ExposedPorts: config.ExposedPorts ? Object.keys(config.ExposedPorts as object) : undefined,
        User: config.User as string | undefined,
        WorkingDir: config.WorkingDir as string | undefined,
        Labels: config.Labels as Record<string, string> | undefined,
      },
      created: configDoc.created as string | undefined,
      architecture: configDoc.architecture as string | undefined,
      os: configDoc.os as string | undefined,
    };
  });
}
