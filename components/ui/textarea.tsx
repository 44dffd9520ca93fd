import { cn } from "./cn";
import { controlClasses } from "./input";

export function Textarea({ className, rows = 4, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(controlClasses, "block min-h-16 resize-y px-2.5 py-1.5 leading-5", className)}
      {...props}
    />
  );
}
