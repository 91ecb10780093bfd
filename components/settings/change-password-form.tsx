"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/accounts";
import type { TChangePasswordInput } from "@/lib/schemas/users";

export function ChangePasswordForm() {
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: TChangePasswordInput) => callApi(endpoints.changeMyPassword, { body }),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    const isMismatch = newPassword !== String(form.get("repeatPassword") ?? "");
    setMismatch(isMismatch);
    if (isMismatch) return;
    mutation.mutate(
      { currentPassword: String(form.get("currentPassword") ?? ""), newPassword },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={error?.fieldMessage("currentPassword")}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={error?.fieldMessage("newPassword")}
      />
      <TextField
        label="Repeat the new password"
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? "does not match the new password" : undefined}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          Change password
        </Button>
        <FormOutcome
          success={
            mutation.isSuccess && !mismatch ? "Password changed. Your other sessions are signed out." : null
          }
          error={error}
        />
      </div>
    </form>
  );
}
