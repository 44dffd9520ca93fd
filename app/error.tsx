"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        {error.message || "Slipway could not show this page."} {error.digest && <span className="font-mono text-xs">(ref {error.digest})</span>}
      </p>
      <Button variant="outline" onClick={reset}>Try again</Button>
    </main>
  );
}
