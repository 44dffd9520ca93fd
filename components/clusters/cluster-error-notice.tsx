/** Shown where live cluster data could not be read; the page keeps what it has. */
export function ClusterErrorNotice({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return <p role="alert" className="rounded-md border border-warning/30 bg-warning/5 px-3 py-2 text-sm">Cannot read the cluster right now: {error}</p>;
}
