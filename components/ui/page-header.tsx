import { cn } from "./cn";

type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons on the right (wrap below the title on narrow screens). */
  actions?: React.ReactNode;
};

/** The top of a console page: one h1, a sentence of context, the page's main actions. */
export function PageHeader({
  title,
  description,
  actions,
  className,
  children,
  ...props
}: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn("flex flex-wrap items-start justify-between gap-x-6 gap-y-3 pb-6", className)}
      {...props}
    >
      <div className="grid min-w-0 gap-1">
        {children}
        <h1 className="truncate text-xl leading-tight font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}
