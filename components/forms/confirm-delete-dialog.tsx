"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface ConfirmDeleteProps {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  /** What the user must type to confirm. */
  confirmText: string;
  onConfirm: (confirmation: string) => Promise<unknown>;
  /** Where to go afterwards. */
  redirectTo: string;
}

/** A destructive action confirmed by typing the name of what goes away. */
export function ConfirmDeleteDialog(props: ConfirmDeleteProps) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm(typed);
      router.push(props.redirectTo);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog onOpenChange={() => { setTyped(""); setError(null); }}>
      <AlertDialogTrigger asChild>{props.trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={confirm} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{props.title}</AlertDialogTitle>
            <AlertDialogDescription>{props.description}</AlertDialogDescription>
          </AlertDialogHeader>
          <Field label={<>Type <code className="rounded bg-muted px-1 font-mono text-xs">{props.confirmText}</code> to confirm</>}>
            <Input autoFocus autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
          </Field>
          <FormError message={error} />
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={typed !== props.confirmText} loading={busy}>
              Delete
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
