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

/** Eight tag colours that read on the dark log background; a pod keeps its colour (hash of its name). */
const TAG_COLOURS = ["text-sky-300", "text-emerald-300", "text-amber-300", "text-fuchsia-300", "text-rose-300", "text-lime-300", "text-cyan-300", "text-orange-300"];

export function tagColour(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return TAG_COLOURS[Math.abs(hash) % TAG_COLOURS.length]!;
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

  const lastScrollTop = useRef(0);
  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < ROW_HEIGHT * 2;
    // Only the reader scrolling up stops following: while lines pour in, the view can be briefly
    // short of the bottom between a render and the scroll that follows it.
    if (atBottom) setFollowing(true);
    else if (element.scrollTop < lastScrollTop.current - 2) setFollowing(false);
    lastScrollTop.current = element.scrollTop;
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
                  data-tag={line.tag?.label}
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
