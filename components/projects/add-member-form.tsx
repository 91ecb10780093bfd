"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/projects";

type TAddMemberBody = TBodyOf<typeof endpoints.addMember>;

export function AddMemberForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (body: TAddMemberBody) => callApi(endpoints.addMember, { params: { id: projectId }, body }),
    onSuccess: () => router.refresh(),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({
      email: String(form.get("email")),
      role: String(form.get("role")) as TAddMemberBody["role"],
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <div className="min-w-64 flex-1">
        <TextField
          label="User email"
          name="email"
          type="email"
          required
          error={error?.fieldMessage("email")}
        />
      </div>
      <div className="w-44">
        <SelectField label="Role" name="role" defaultValue="annotator">
          <option value="annotator">Annotator</option>
          <option value="lead">Lead</option>
          <option value="engineer">Engineer</option>
        </SelectField>
      </div>
      <div className="pt-6">
        <Button type="submit" disabled={mutation.isPending}>
          Add member
        </Button>
      </div>
      {error && !error.problem.errors?.length ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
