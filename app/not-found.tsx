import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-xl font-semibold">This page does not exist, or you do not have access to it</h1>
      <p className="max-w-md text-sm text-muted-foreground">Check the address, or ask a team admin to invite you.</p>
      <Button asChild variant="outline"><Link href="/">Go to your console</Link></Button>
    </main>
  );
}
