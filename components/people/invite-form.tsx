"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { InvitationLink } from "@/components/people/invitation-link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/invitations";

type TRole = "annotator" | "lead" | "engineer";

/**
 * Makes an invitation link: into this project with a role (a lead's), or to Concord itself (an
 * admin's). The link is shown here once; whoever made it hands it over.
 */
export function InviteForm({ projectId }: { projectId?: string }) {
  const mutation = useMutation({
    mutationFn: (form: { email: string; role: string }) =>
      projectId
        ? callApi(endpoints.createProjectInvitation, {
            params: { id: projectId },
            body: { email: form.email, role: form.role as TRole },
          })
        : callApi(endpoints.createInvitation, {
            body: { email: form.email, ...(form.role === "admin" ? { isAdmin: true } : {}) },
          }),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ email: String(form.get("email")), role: String(form.get("role")) });
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <TextField
            label="Email to invite"
            name="email"
            type="email"
            required
            error={error?.fieldMessage("email")}
          />
        </div>
        <div className="w-44">
          {projectId ? (
            <SelectField label="Role" name="role" defaultValue="annotator">
              <option value="annotator">Annotator</option>
              <option value="lead">Lead</option>
              <option value="engineer">Engineer</option>
            </SelectField>
          ) : (
            <SelectField label="Global role" name="role" defaultValue="user">
              <option value="user">User</option>
              <option value="admin">Admin</option>
            </SelectField>
          )}
        </div>
        <div className="pt-6">
          <Button type="submit" variant="secondary" disabled={mutation.isPending}>
            Make invitation link
          </Button>
        </div>
      </form>
      <FormOutcome error={error} />
      {mutation.data ? (
        <div role="status" className="space-y-2 rounded-md bg-indigo-50 p-3 text-sm text-slate-800">
          <p>
            Send this link to <strong>{mutation.data.email}</strong>. It works once, until{" "}
            {new Date(mutation.data.expiresAt).toLocaleDateString("en-GB")}, and is not shown again.
          </p>
          <InvitationLink url={mutation.data.url} label={`Invitation link for ${mutation.data.email}`} />
        </div>
      ) : null}
    </div>
  );
}
