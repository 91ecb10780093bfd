"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { useChosenValue } from "@/lib/client/use-chosen-value";
import * as endpoints from "@/lib/endpoints/projects";
import type { TMember } from "@/lib/schemas/projects";

/** A lead's controls on one member: their role, and removing them (their labels stay). */
export function MemberRowActions({ projectId, member }: { projectId: string; member: TMember }) {
  const router = useRouter();
  const params = { id: projectId, userId: member.userId };
  // The chosen role at once; the page's refresh confirms it, a refusal puts the old one back.
  const role = useChosenValue(member.role);
  const change = useMutation({
    mutationFn: (chosen: TMember["role"]) =>
      callApi(endpoints.updateMember, { params, body: { role: chosen } }),
    onSuccess: () => router.refresh(),
    onError: role.drop,
  });
  const remove = useMutation({
    mutationFn: () => callApi(endpoints.removeMember, { params }),
    onSuccess: () => router.refresh(),
  });
  const error = [change.error, remove.error].find((e) => e instanceof ApiError);
  const selectId = `role-${member.userId}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        Role of {member.name}
      </label>
      <select
        id={selectId}
        value={role.value}
        disabled={change.isPending}
        onChange={(e) => {
          const chosen = e.currentTarget.value as TMember["role"];
          role.choose(chosen);
          change.mutate(chosen);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value="annotator">annotator</option>
        <option value="lead">lead</option>
        <option value="engineer">engineer</option>
      </select>
      <Button
        variant="danger"
        className="px-2 py-1"
        disabled={remove.isPending}
        aria-label={`Remove ${member.name} from the project`}
        onClick={() => {
          if (window.confirm(`Remove ${member.name}? Their labels stay in the project.`)) remove.mutate();
        }}
      >
        Remove
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
