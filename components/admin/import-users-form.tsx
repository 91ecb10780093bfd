"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { InvitationLink } from "@/components/people/invitation-link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/accounts";

/** Users from a CSV file (email,name,role), all or nothing: the server names each bad line. */
export function ImportUsersForm({ projects }: { projects: { id: string; name: string }[] }) {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const mutation = useMutation({
    mutationFn: (body: { csv: string; projectId?: string; credentials: "passwords" | "invitations" }) =>
      callApi(endpoints.importUsers, { body }),
    onSuccess: () => router.refresh(),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const projectId = String(form.get("projectId"));
    mutation.mutate({
      csv,
      ...(projectId ? { projectId } : {}),
      credentials: form.get("credentials") === "passwords" ? "passwords" : "invitations",
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">
            CSV file: <code>email,name,role</code> per line; role is user, admin, lead, annotator or engineer
          </label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            className="block text-sm text-slate-800"
            onChange={async (e) => setCsv((await e.currentTarget.files?.[0]?.text()) ?? "")}
          />
          <label htmlFor="csv-text" className="block pt-2 text-sm font-medium text-slate-800">
            or paste the lines
          </label>
          <textarea
            id="csv-text"
            rows={4}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
          />
        </div>
        <SelectField label="Project for lead, annotator and engineer lines" name="projectId" defaultValue="">
          <option value="">No project</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="New users get" name="credentials" defaultValue="invitations">
          <option value="invitations">An invitation link each (they set their password)</option>
          <option value="passwords">A generated password each</option>
        </SelectField>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={mutation.isPending || !csv}>
            Import users
          </Button>
          <FormOutcome error={error} />
        </div>
      </form>
      {error?.problem.errors?.length ? (
        <ul role="alert" className="list-inside list-disc text-sm text-red-700">
          {error.problem.errors.map((e, i) => (
            <li key={i}>
              {e.line ? `Line ${e.line}: ` : ""}
              {e.path} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {mutation.data ? (
        <div role="status" className="space-y-2 rounded-md bg-indigo-50 p-3 text-sm text-slate-800">
          <p>
            {mutation.data.created.length} created. Hand each their{" "}
            {mutation.data.created[0]?.password ? "password" : "link"}: they are not shown again.
          </p>
          <ul className="space-y-2">
            {mutation.data.created.map((u) => (
              <li key={u.email} className="space-y-1">
                <span className="font-medium">{u.email}</span> ({u.role})
                {u.password ? (
                  <code className="ml-2 rounded bg-white px-1.5 py-0.5">{u.password}</code>
                ) : null}
                {u.invitationUrl ? (
                  <InvitationLink url={u.invitationUrl} label={`Invitation link for ${u.email}`} />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
