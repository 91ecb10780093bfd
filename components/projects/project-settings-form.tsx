"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/projects";
import type { TProject } from "@/lib/schemas/projects";

type TUpdateProjectBody = TBodyOf<typeof endpoints.updateProject>;

export function ProjectSettingsForm({ project, canArchive }: { project: TProject; canArchive: boolean }) {
  const router = useRouter();
  const instructionsId = useId();
  const save = useMutation({
    mutationFn: (body: TUpdateProjectBody) =>
      callApi(endpoints.updateProject, { params: { id: project.id }, body }),
    onSuccess: () => router.refresh(),
  });
  const error = save.error instanceof ApiError ? save.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      name: String(form.get("name")),
      description: String(form.get("description")),
      instructions: String(form.get("instructions")),
      overlap: Number(form.get("overlap")),
      leaseSeconds: Math.round(Number(form.get("leaseMinutes")) * 60),
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <TextField label="Name" name="name" defaultValue={project.name} error={error?.fieldMessage("name")} />
        <TextField
          label="Description"
          name="description"
          defaultValue={project.description}
          error={error?.fieldMessage("description")}
        />
        <TextField
          label="Annotators per item (overlap)"
          name="overlap"
          type="number"
          min={1}
          max={20}
          defaultValue={project.overlap}
          error={error?.fieldMessage("overlap")}
        />
        <TextField
          label="Lease time (minutes)"
          name="leaseMinutes"
          type="number"
          min={1}
          max={1440}
          step="0.5"
          defaultValue={project.leaseSeconds / 60}
          error={error?.fieldMessage("leaseSeconds")}
        />
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={instructionsId} className="block text-sm font-medium text-slate-800">
            Instructions for annotators (Markdown)
          </label>
          <textarea
            id={instructionsId}
            name="instructions"
            rows={6}
            defaultValue={project.instructions}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm"
          />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={save.isPending}>
            Save settings
          </Button>
          {save.isSuccess ? <p className="text-sm text-green-800">Saved.</p> : null}
          {error && !error.problem.errors?.length ? (
            <p role="alert" className="text-sm text-red-700">
              {error.message}
            </p>
          ) : null}
        </div>
      </form>
      {canArchive ? (
        <div className="border-t border-slate-200 pt-4">
          <Button
            variant={project.archivedAt ? "secondary" : "danger"}
            onClick={() => save.mutate({ archived: !project.archivedAt })}
          >
            {project.archivedAt ? "Unarchive project" : "Archive project"}
          </Button>
          <p className="mt-1 text-xs text-slate-600">
            Archived projects stay readable; nobody is served items from them.
          </p>
        </div>
      ) : null}
    </div>
  );
}
