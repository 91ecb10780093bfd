"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { useChosenValue } from "@/lib/client/use-chosen-value";
import * as endpoints from "@/lib/endpoints/accounts";
import type { TUser } from "@/lib/schemas/users";

type TChange = TBodyOf<typeof endpoints.updateUser>;

/** An admin's switches on one user: may create projects, and disabled or not. */
export function UserRowActions({ user, isSelf }: { user: TUser; isSelf: boolean }) {
  const router = useRouter();
  // The ticked value at once; the page's refresh confirms it, a refusal puts the old one back.
  const canCreate = useChosenValue(user.canCreateProjects);
  const mutation = useMutation({
    mutationFn: (body: TChange) => callApi(endpoints.updateUser, { params: { id: user.id }, body }),
    onSuccess: () => router.refresh(),
    onError: canCreate.drop,
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-800">
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={user.isAdmin || canCreate.value}
          disabled={user.isAdmin || mutation.isPending}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            canCreate.choose(checked);
            mutation.mutate({ canCreateProjects: checked });
          }}
          aria-label={`${user.name} may create projects`}
        />
        Creates projects
      </label>
      {isSelf ? null : (
        <Button
          variant={user.disabledAt ? "secondary" : "danger"}
          className="px-2 py-1"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ disabled: !user.disabledAt })}
          aria-label={`${user.disabledAt ? "Enable" : "Disable"} ${user.name}`}
        >
          {user.disabledAt ? "Enable" : "Disable"}
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
