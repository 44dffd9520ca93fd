"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDownToLine } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AnsiText } from "@/components/logs/ansi-text";

export interface LogLine {
  key: string | number;
  text: string;
  stream?: string;
  /** A tag shown before the text (pod name, step), with a colour class. */
  tag?: { label: string; className?: string };
  timestamp?: string;
  /** A line from Slipway itself (step banners, notices), shown dimmed. */
  system?: boolean;
}

const ROW_HEIGHT = 20;

/**
 * Terminal output that stays fast with 100,000 lines: only the visible rows are rendered.
 * It follows new lines while the reader is at the bottom; scrolling up pauses following, and
 * a button jumps back.
 */
export function LogViewer({ lines, className, emptyText = "No output yet.", showTimestamps = false, label = "Log output" }: {
  lines: LogLine[];
  className?: string;
  emptyText?: string;
  showTimestamps?: boolean;
  label?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  useEffect(() => {
    if (following && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
  }, [lines.length, following, virtualizer]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < ROW_HEIGHT * 2;
    setFollowing(atBottom);
  };

  return (
    <div className={cn("relative overflow-hidden rounded-lg border bg-zinc-950 text-zinc-100", className)}>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-label={label}
        aria-live="off"
        tabIndex={0}
        className="h-full overflow-auto font-mono text-[12.5px] leading-5 focus-visible:outline-none"
      >
        {lines.length === 0 ? (
          <p className="p-4 text-zinc-400">{emptyText}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: "100%" }}>
            {virtualizer.getVirtualItems().map((row) => {
              const line = lines[row.index]!;
              return (
                <div
                  key={line.key}
                  data-testid="log-line"
                  className={cn(
                    "absolute left-0 flex w-full gap-3 px-3 whitespace-pre hover:bg-white/5",
                    line.stream === "stderr" && "text-amber-200",
                    line.system && "text-sky-300",
                  )}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                >
                  {showTimestamps && line.timestamp && <span className="shrink-0 text-zinc-500 select-none">{line.timestamp}</span>}
                  {line.tag && <span className={cn("shrink-0 select-none", line.tag.className)}>{line.tag.label}</span>}
                  <span><AnsiText text={line.text} /></span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      {!following && lines.length > 0 && (
        <Button
          size="sm"
          variant="secondary"
          className="absolute right-4 bottom-4 shadow-lg"
          onClick={() => {
            setFollowing(true);
            virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
          }}
        >
          <ArrowDownToLine aria-hidden /> Follow
        </Button>
      )}
    </div>
  );
}
