"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy, X } from "lucide-react";

import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";

type CopyButtonProps = Omit<ButtonProps, "value" | "onClick" | "asChild" | "loading"> & {
  /** The text put on the clipboard. */
  value: string;
  /** Accessible name, e.g. "Copy image digest". */
  label?: string;
  onCopied?: (value: string) => void;
};

/**
 * `navigator.clipboard` only exists on secure origins; a self-hosted console is
 * often opened over plain http on a LAN address, so fall back to execCommand.
 */
async function writeClipboard(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("The browser refused to copy.");
}

/** Copies `value`; shows a check for 2 seconds and announces "Copied". */
export function CopyButton({
  value,
  label = "Copy to clipboard",
  onCopied,
  variant = "ghost",
  size = "icon",
  className,
  children,
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await writeClipboard(value);
      setState("copied");
      onCopied?.(value);
    } catch {
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), 2000);
  }

  const Icon = state === "copied" ? Check : state === "failed" ? X : Copy;
  return (
    <Button
      data-slot="copy-button"
      data-state={state}
      variant={variant}
      size={size}
      aria-label={children ? undefined : label}
      title={label}
      onClick={copy}
      className={cn(
        size === "icon" && "size-7 text-muted-foreground hover:text-foreground",
        "data-[state=copied]:text-success data-[state=failed]:text-destructive",
        className,
      )}
      {...props}
    >
      <Icon className="size-3.5" aria-hidden />
      {children}
      <span className="sr-only" aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </Button>
  );
}
