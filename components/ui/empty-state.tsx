import { cn } from "./cn";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon component, e.g. `icon={Rocket}`. */
  icon?: React.ComponentType<{ className?: string; "aria-hidden"?: boolean }>;
  title: React.ReactNode;
  /** Say what goes here and how to get started. */
  description?: React.ReactNode;
  /** The next step: usually one primary Button. */
  action?: React.ReactNode;
};

/** What an empty page shows instead of a blank table: what this is and what to do next. */
export function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-1 rounded-lg border border-dashed px-6 py-10 text-center",
        className,
      )}
      {...props}
    >
      {Icon && (
        <div className="mb-2 flex size-10 items-center justify-center rounded-lg border bg-card text-muted-foreground shadow-xs">
          <Icon className="size-5" aria-hidden />
        </div>
      )}
      <h3 className="text-[15px] font-semibold tracking-tight">{title}</h3>
      {description && (
        <p className="max-w-sm text-sm text-balance text-muted-foreground">{description}</p>
      )}
      {children}
      {action && <div className="mt-3 flex flex-wrap items-center justify-center gap-2">{action}</div>}
    </div>
  );
}
