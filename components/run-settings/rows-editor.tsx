"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * A list of rows that can be added to and removed from: environment variables, secrets,
 * domains, volumes. Each row renders its own fields; errors come keyed by row index.
 */
export function RowsEditor<T>({ rows, onChange, render, empty, addLabel, newRow, label }: {
  rows: T[];
  onChange: (rows: T[]) => void;
  render: (row: T, update: (row: T) => void, index: number) => React.ReactNode;
  empty: string;
  addLabel: string;
  newRow: () => T;
  label: string;
}) {
  return (
    <div className="grid gap-2" role="group" aria-label={label}>
      {rows.length === 0 && <p className="text-sm text-muted-foreground">{empty}</p>}
      {rows.map((row, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className="grid flex-1 gap-2 sm:grid-flow-col sm:auto-cols-fr">{render(row, (next) => onChange(rows.map((current, at) => (at === index ? next : current))), index)}</div>
          <Button type="button" size="icon" variant="ghost" aria-label={`Remove row ${index + 1} of ${label}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            <X aria-hidden />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" size="sm" variant="outline" onClick={() => onChange([...rows, newRow()])}>
          <Plus aria-hidden /> {addLabel}
        </Button>
      </div>
    </div>
  );
}

/** The error for row `index`, field `field`, from server field errors keyed like "settings.env.2.name". */
export function rowError(errors: Record<string, string>, prefix: string, index: number, field?: string): string | undefined {
  return errors[`${prefix}.${index}${field ? `.${field}` : ""}`] ?? (field ? undefined : errors[prefix]);
}
