"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/projects";

type TCreateProjectBody = TBodyOf<typeof endpoints.createProject>;

/** `withLead`: an admin may name the project's lead; anyone else becomes the lead of what they create. */
export function CreateProjectForm({ withLead = false }: { withLead?: boolean }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (body: TCreateProjectBody) => callApi(endpoints.createProject, { body }),
    onSuccess: (project) => router.push(`/projects/${project.id}`),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({
      name: String(form.get("name")),
      description: String(form.get("description")),
      overlap: Number(form.get("overlap")),
      leaseSeconds: Number(form.get("leaseMinutes")) * 60,
      ...(withLead && form.get("leadEmail") ? { leadEmail: String(form.get("leadEmail")) } : {}),
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <TextField label="Name" name="name" required error={error?.fieldMessage("name")} />
      <TextField label="Description" name="description" error={error?.fieldMessage("description")} />
      {withLead ? (
        <TextField
          label="Lead (email, optional)"
          name="leadEmail"
          type="email"
          hint="The user who will configure and review the project."
          error={error?.fieldMessage("leadEmail")}
        />
      ) : null}
      <TextField
        label="Annotators per item (overlap)"
        name="overlap"
        type="number"
        min={1}
        max={20}
        defaultValue={3}
        error={error?.fieldMessage("overlap")}
      />
      <TextField
        label="Lease time (minutes)"
        name="leaseMinutes"
        type="number"
        min={1}
        max={1440}
        defaultValue={15}
        hint="How long an annotator holds an item before it goes back to the queue."
        error={error?.fieldMessage("leaseSeconds")}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={mutation.isPending}>
          Create project
        </Button>
        {error && !error.problem.errors?.length ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
