"use client";

import { Download, Pause, Play } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { StatusDot } from "@/components/ui/status-dot";
import { LogViewer, tagColour } from "@/components/logs/log-viewer";
import { logQueryString, MAX_VIEW_LINES, useAppLogStream, type LogQuery } from "@/components/logs/use-app-log-stream";
import { compileLogFilter } from "@/server/logs/log-filter";

const TAILS = ["100", "500", "1000", "5000", "10000"];
const SINCE = [
  { value: "all", label: "Any time" },
  { value: "5m", label: "Last 5 min" },
  { value: "15m", label: "Last 15 min" },
  { value: "1h", label: "Last hour" },
  { value: "6h", label: "Last 6 hours" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
];

/** Live logs of all of an app's pods: one merged stream, each line tagged and coloured by pod. */
export function AppLogViewer({ appId, appName }: { appId: string; appName: string }) {
  const [tail, setTail] = useState("500");
  const [since, setSince] = useState("all");
  const [pods, setPods] = useState<string[]>([]);
  const [containers, setContainers] = useState<string[]>([]);
  const [filterText, setFilterText] = useState("");
  const [regex, setRegex] = useState(false);
  const [filter, setFilter] = useState({ text: "", regex: false });
  const [timestamps, setTimestamps] = useState(true);
  const [paused, setPaused] = useState(false);

  // The filter is checked here as the server checks it (same code), and sent after a pause in typing.
  const filterError = useMemo(() => {
    try {
      compileLogFilter({ query: filterText, regex });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }, [filterText, regex]);
  useEffect(() => {
    if (filterError) return;
    const timer = setTimeout(() => setFilter({ text: filterText, regex }), 400);
    return () => clearTimeout(timer);
  }, [filterText, regex, filterError]);

  const query: LogQuery = { tail, since, pods, containers, filter: filter.text, regex: filter.regex };
  const stream = useAppLogStream(appId, appName, query, paused);
  const podList = Object.values(stream.pods).sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""));
  const allContainers = [...new Set(podList.flatMap((pod) => pod.containers))];
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2" role="toolbar" aria-label="Log controls">
        <Button size="sm" variant={paused ? "default" : "outline"} onClick={() => setPaused(!paused)} aria-pressed={paused}>
          {paused ? <Play aria-hidden /> : <Pause aria-hidden />} {paused ? `Resume${stream.held ? ` (${stream.held.toLocaleString("en")} new)` : ""}` : "Pause"}
        </Button>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Tail
          <Select value={tail} onValueChange={setTail}>
            <SelectTrigger size="sm" className="w-28" aria-label="Tail lines"><SelectValue /></SelectTrigger>
            <SelectContent>{TAILS.map((value) => <SelectItem key={value} value={value}>{Number(value).toLocaleString("en")} lines</SelectItem>)}</SelectContent>
          </Select>
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Since
          <Select value={since} onValueChange={setSince}>
            <SelectTrigger size="sm" className="w-36" aria-label="Since"><SelectValue /></SelectTrigger>
            <SelectContent>{SINCE.map((option) => <SelectItem key={option.value} value={option.value}>{option.label}</SelectItem>)}</SelectContent>
          </Select>
        </label>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size="sm" variant="outline">{pods.length === 0 ? `All pods (${podList.filter((pod) => pod.status !== "Ended").length})` : `${pods.length} pod${pods.length === 1 ? "" : "s"}`}</Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="min-w-72">
            <DropdownMenuLabel>Pods</DropdownMenuLabel>
            <DropdownMenuCheckboxItem checked={pods.length === 0} onCheckedChange={() => setPods([])} onSelect={(event) => event.preventDefault()}>All pods, new ones too</DropdownMenuCheckboxItem>
            <DropdownMenuSeparator />
            {podList.map((pod) => (
              <DropdownMenuCheckboxItem key={pod.name} checked={pods.includes(pod.name)} onCheckedChange={() => setPods(toggle(pods, pod.name))} onSelect={(event) => event.preventDefault()}>
                <span className={cn("font-mono text-xs", tagColour(pod.name).replace("300", "600"))}>{pod.name}</span>
                <span className="ml-auto text-xs text-muted-foreground">{pod.status}</span>
              </DropdownMenuCheckboxItem>
            ))}
            {allContainers.length > 1 && (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuLabel>Containers</DropdownMenuLabel>
                {allContainers.map((name) => (
                  <DropdownMenuCheckboxItem key={name} checked={containers.includes(name)} onCheckedChange={() => setContainers(toggle(containers, name))} onSelect={(event) => event.preventDefault()}>{name}</DropdownMenuCheckboxItem>
                ))}
              </>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
        <div className="grid min-w-64 flex-1 gap-1">
          <label htmlFor="log-filter" className="text-xs text-muted-foreground">Filter</label>
          <div className="flex items-center gap-2">
            <Input id="log-filter" className="h-7 font-mono text-[13px]" placeholder={regex ? "regular expression, e.g. (error|timeout)" : "text to find"} value={filterText} onChange={(event) => setFilterText(event.target.value)} aria-invalid={filterError ? true : undefined} aria-describedby={filterError ? "log-filter-error" : undefined} />
            <label className="flex items-center gap-1.5 text-xs whitespace-nowrap"><input type="checkbox" checked={regex} onChange={(event) => setRegex(event.target.checked)} /> Regex</label>
          </div>
        </div>
        <label className="flex h-7 items-center gap-1.5 text-xs whitespace-nowrap"><input type="checkbox" checked={timestamps} onChange={(event) => setTimestamps(event.target.checked)} /> Timestamps</label>
        <Button size="sm" variant="outline" asChild>
          <a href={`/api/apps/${appId}/logs/download?${logQueryString({ ...query, tail: "10000" })}`} download>
            <Download aria-hidden /> Download
          </a>
        </Button>
      </div>
      {filterError && <p id="log-filter-error" role="alert" className="text-sm text-destructive">{filterError}</p>}
      {stream.error && <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">{stream.error}</p>}
      <LogViewer
        lines={stream.lines}
        showTimestamps={timestamps}
        className="h-[32rem]"
        label="App log"
        emptyText={stream.ready ? (filter.text ? "No line matches the filter yet." : "No output yet: lines appear here as the pods write them.") : "Connecting…"}
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <StatusDot status={stream.connected ? "ok" : "warning"} label={stream.connected ? "Live" : "Reconnecting…"} showLabel />
        <span data-testid="log-line-count">{stream.lines.length.toLocaleString("en")} {stream.lines.length === 1 ? "line" : "lines"}</span>
        {stream.dropped > 0 && <span>the oldest {stream.dropped.toLocaleString("en")} left the view (it keeps {MAX_VIEW_LINES.toLocaleString("en")})</span>}
        <span className="flex flex-wrap gap-2">
          {podList.map((pod) => (
            <span key={pod.name} data-testid="log-pod" data-status={pod.status} className={cn("font-mono", pod.status === "Ended" ? "text-muted-foreground line-through" : tagColour(pod.name).replace("300", "600"))} title={`${pod.status}, ready ${pod.ready}, ${pod.restarts} restarts`}>
              {pod.name}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}
