import { cn } from "./cn";

/** Shared look of single-line text controls (input, select trigger). */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-background text-sm shadow-xs",
  "transition-[color,border-color,box-shadow] outline-none",
  "placeholder:text-muted-foreground dark:bg-input/20",
  "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/25",
  "disabled:cursor-not-allowed disabled:opacity-50",
);

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClasses,
        "h-8 px-2.5 py-1",
        "file:mr-2 file:inline-flex file:h-6 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
