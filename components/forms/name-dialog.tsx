"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface NameDialogProps {
  trigger: React.ReactNode;
  title: string;
  description: string;
  label: string;
  hint: string;
  placeholder?: string;
  submitLabel: string;
  defaultValue?: string;
  schema: z.ZodType<string, string>;
  /** Performs the mutation; may return a path to go to afterwards. */
  onSubmit: (name: string) => Promise<string | void>;
}

/** A dialog with one name field: creating projects, environments and apps, renaming them. */
export function NameDialog(props: NameDialogProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string }>({
    resolver: zodResolver(z.object({ name: props.schema })),
    defaultValues: { name: props.defaultValue ?? "" },
  });

  const submit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    try {
      const next = await props.onSubmit(name);
      setOpen(false);
      form.reset({ name: props.defaultValue ?? "" });
      if (next) router.push(next);
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ["name"]));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFormError(null);
      }}
    >
      <DialogTrigger asChild>{props.trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogDescription>{props.description}</DialogDescription>
          </DialogHeader>
          <Field label={props.label} description={props.hint} error={form.formState.errors.name?.message}>
            <Input autoFocus autoComplete="off" placeholder={props.placeholder} {...form.register("name")} />
          </Field>
          <FormError message={formError} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {props.submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
