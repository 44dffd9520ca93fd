"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";

export { toast };

/**
 * Mount once (root layout). Toasts follow the active theme and the kit's
 * colours; call `toast.success("Deployed v12")`, `toast.error(...)`, `toast.promise(...)`.
 */
export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          fontFamily: "var(--font-sans)",
        } as React.CSSProperties
      }
      toastOptions={{
        classNames: {
          toast: "!text-sm !shadow-lg !gap-2.5",
          title: "!font-medium",
          description: "!text-muted-foreground !text-[13px]",
          success: "[&_[data-icon]]:!text-success",
          error: "[&_[data-icon]]:!text-destructive",
          warning: "[&_[data-icon]]:!text-warning",
          info: "[&_[data-icon]]:!text-primary",
          actionButton: "!bg-primary !text-primary-foreground !rounded-md !font-medium",
          cancelButton: "!bg-muted !text-foreground !rounded-md",
          closeButton: "!bg-popover !border-border !text-muted-foreground hover:!text-foreground",
        },
      }}
      {...props}
    />
  );
}
