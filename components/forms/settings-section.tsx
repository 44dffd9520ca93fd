import { cn } from "@/components/ui/cn";

/** One section of a settings page: what it is on the left, its controls on the right. */
export function SettingsSection({
  title,
  description,
  children,
  tone,
  id,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  tone?: "danger";
  id?: string;
}) {
  return (
    <section
      id={id}
      aria-labelledby={id ? `${id}-title` : undefined}
      className={cn("grid gap-4 border-b py-6 first:pt-0 last:border-b-0 md:grid-cols-[16rem_1fr]", tone === "danger" && "rounded-lg border border-destructive/40 p-4 md:p-6")}
    >
      <div className="grid content-start gap-1">
        <h2 id={id ? `${id}-title` : undefined} className={cn("text-[15px] font-semibold", tone === "danger" && "text-destructive")}>
          {title}
        </h2>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
