import { ScrollText } from "lucide-react";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

export const metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;
const text = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 100) : undefined);

export default async function AuditPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const { team: teamSlug } = await params;
  const query = await searchParams;
  const filter = { actor: text(query.actor), action: text(query.action), target: text(query.target) };
  const { events, nextCursor } = await loadForPage((await serverApi()).audit.list({ teamSlug, ...filter, cursor: text(query.cursor) }));
  const filtered = Boolean(filter.actor || filter.action || filter.target);
  const older = new URLSearchParams(Object.entries({ ...filter, cursor: nextCursor }).filter((entry): entry is [string, string] => Boolean(entry[1])));

  return (
    <>
      <PageHeader title="Audit log" description="Every change made in this team: who, what, when and from where. Newest first." />
      <AuditFilters values={filter} />
      {events.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No events match these filters" : "No events yet"}
          description={filtered ? "Try a shorter or different filter." : "Changes to the team, its projects and apps will appear here."}
          action={filtered ? <Button asChild variant="outline"><Link href={`/${teamSlug}/audit`}>Clear filters</Link></Button> : undefined}
        />
      ) : (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Time</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Target</TableHead>
                <TableHead>Address</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.map((event) => (
                <TableRow key={event.id}>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                  </TableCell>
                  <TableCell>{event.actorEmail}</TableCell>
                  <TableCell><code className="font-mono text-xs">{event.action}</code></TableCell>
                  <TableCell>
                    <span className="text-muted-foreground">{event.targetType}</span> {event.targetName}
                  </TableCell>
                  <TableCell className="font-mono text-xs text-muted-foreground">{event.ip ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {nextCursor && (
            <div className="mt-4 flex justify-center">
              <Button asChild variant="outline"><Link href={`?${older.toString()}`}>Older events</Link></Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
