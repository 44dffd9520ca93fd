import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EffectiveBuildSettings, Sourced } from "@/server/build/merge-build-settings";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Each setting a build used, with where the value came from: slipway.yaml, the app, or the default. */
export function EffectiveSettings({ settings }: { settings: EffectiveBuildSettings }) {
  const rows: [string, Sourced<unknown>][] = [
    ["Root directory", settings.rootDirectory],
    ["Dockerfile", settings.dockerfilePath],
    ["Preset", settings.preset],
    ["Test command", settings.testCommand],
    ...Object.entries(settings.buildArgs).map(([name, value]): [string, Sourced<unknown>] => [`Build argument ${name}`, value]),
    ...Object.entries(settings.run).map(([name, value]): [string, Sourced<unknown>] => [`Run: ${name}`, value as Sourced<unknown>]),
  ];
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Setting</TableHead>
          <TableHead>Value</TableHead>
          <TableHead>From</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([name, sourced]) => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell className="font-mono text-xs">{show(sourced.value)}</TableCell>
            <TableCell><Badge variant={sourced.source === "default" ? "outline" : "secondary"}>{sourced.source}</Badge></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
