"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/accounts";

type TUserChoice = { id: string; email: string; name: string };

export function ResetPasswordForm({ users }: { users: TUserChoice[] }) {
  const mutation = useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) =>
      callApi(endpoints.resetUserPassword, { params: { id: userId }, body: { password } }),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const resetFor = users.find((u) => u.id === mutation.variables?.userId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    mutation.mutate(
      { userId: String(form.get("userId")), password: String(form.get("password") ?? "") },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label="Reset a password" className="grid gap-4 sm:grid-cols-2" noValidate>
      <SelectField label="User" name="userId" required>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </SelectField>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Their sessions end at once; their API tokens keep working."
        error={error?.fieldMessage("password")}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={mutation.isPending}>
          Reset password
        </Button>
        <FormOutcome
          success={
            mutation.isSuccess && resetFor
              ? `Password reset for ${resetFor.email}. They are signed out everywhere.`
              : null
          }
          error={error}
        />
      </div>
    </form>
  );
}
