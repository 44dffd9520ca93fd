import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A plain GET form: filters live in the URL, so a filtered view can be shared and bookmarked. */
export function AuditFilters({ values }: { values: { actor?: string; action?: string; target?: string } }) {
  const field = (name: "actor" | "action" | "target", label: string, placeholder: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`audit-${name}`}>{label}</Label>
      <Input id={`audit-${name}`} name={name} defaultValue={values[name]} placeholder={placeholder} className="w-48" maxLength={100} />
    </div>
  );
  return (
    <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3">
      {field("actor", "Actor", "ada@example.com")}
      {field("action", "Action", "team.rename")}
      {field("target", "Target", "storefront")}
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}
