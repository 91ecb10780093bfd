"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/projects";

/**
 * Which data fields annotators never see. Offers the fields found in the project's items, and any
 * other name (a field of a file not imported yet).
 */
export function HiddenFieldsForm({
  projectId,
  hiddenFields,
  dataFields,
}: {
  projectId: string;
  hiddenFields: readonly string[];
  dataFields: readonly string[];
}) {
  const router = useRouter();
  const [hidden, setHidden] = useState<string[]>([...hiddenFields]);
  const [extra, setExtra] = useState("");
  const save = useMutation({
    mutationFn: (fields: string[]) =>
      callApi(endpoints.updateProject, { params: { id: projectId }, body: { hiddenFields: fields } }),
    onSuccess: (project) => {
      setHidden(project.hiddenFields ?? []);
      setExtra("");
      router.refresh();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fields = [...new Set([...dataFields, ...hidden])].sort();

  function toggle(field: string, isHidden: boolean) {
    setHidden((current) => (isHidden ? [...current, field] : current.filter((f) => f !== field)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const more = extra
      .split(",")
      .map((f) => f.trim())
      .filter((f) => f !== "" && !hidden.includes(f));
    save.mutate([...hidden, ...more]);
  }

  const fieldErrors = error?.problem.errors ?? [];
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {fields.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Fields of the imported items</legend>
          <ul className="mt-2 grid gap-2 sm:grid-cols-3">
            {fields.map((field) => (
              <li key={field}>
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4 accent-indigo-600"
                    checked={hidden.includes(field)}
                    onChange={(e) => toggle(field, e.target.checked)}
                  />
                  <span className="font-mono">{field}</span>
                  {hidden.includes(field) ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                      hidden
                    </span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">No items yet: name the fields to hide below.</p>
      )}
      <div className="sm:max-w-md">
        <TextField
          label="Other fields to hide (comma-separated)"
          name="extraHiddenFields"
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
          hint="For fields of files you have not imported yet."
          spellCheck={false}
        />
      </div>
      {fieldErrors.length > 0 || (error && fieldErrors.length === 0) ? (
        <div role="alert" className="text-sm text-red-700">
          <p>{error?.message}</p>
          <ul className="list-disc pl-5">
            {fieldErrors.map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Save hidden fields
        </Button>
        {save.isSuccess ? <p className="text-sm text-green-800">Saved.</p> : null}
      </div>
    </form>
  );
}
