import { useId } from "react";
import { Slot } from "radix-ui";
import { CircleAlert } from "lucide-react";

import { cn } from "./cn";
import { Label } from "./label";

/** Props Field hands to its control so label, help text and error are announced with it. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
};

type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  /** Help text under the label, linked to the control with aria-describedby. */
  description?: React.ReactNode;
  /** Error sentence shown under the control; marks it aria-invalid. */
  error?: React.ReactNode;
  /** Marks the label with an asterisk and the control with aria-required. */
  required?: boolean;
  /** Id for the control; generated when omitted. Pass it here, not on the child. */
  id?: string;
  /**
   * The control. A single element receives `id`, `aria-invalid` and `aria-describedby`;
   * for composite controls (e.g. Select) use a function and spread the props where they belong:
   * `{(p) => <Select><SelectTrigger {...p} /></Select>}`.
   */
  children: React.ReactElement | ((control: FieldControlProps) => React.ReactNode);
};

/** A labelled form field: label, optional description, the control, and its error in words. */
export function Field({
  label,
  description,
  error,
  required,
  id,
  children,
  className,
  ...props
}: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `field-${autoId}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  const control: FieldControlProps = {
    id: controlId,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
  };

  return (
    <div
      data-slot="field"
      data-invalid={error ? true : undefined}
      className={cn("grid gap-1.5", className)}
      {...props}
    >
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span aria-hidden className="text-destructive">
            *
          </span>
        )}
      </Label>
      {typeof children === "function" ? children(control) : <Slot.Root {...control}>{children}</Slot.Root>}
      {description && (
        <p id={descriptionId} className="text-[13px] leading-snug text-muted-foreground">
          {description}
        </p>
      )}
      {error && (
        <p
          id={errorId}
          className="flex items-start gap-1.5 text-[13px] leading-snug font-medium text-destructive"
        >
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
