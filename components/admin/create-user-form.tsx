"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/accounts";

type TCreateUserBody = TBodyOf<typeof endpoints.createUser>;

export function CreateUserForm() {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (body: TCreateUserBody) => callApi(endpoints.createUser, { body }),
    onSuccess: () => router.refresh(),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    mutation.mutate(
      {
        email: String(form.get("email")),
        name: String(form.get("name")),
        password: String(form.get("password")),
        ...(role === "admin" ? { role: "admin" as const } : {}),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <TextField label="Email" name="email" type="email" required error={error?.fieldMessage("email")} />
      <TextField label="Name" name="name" required error={error?.fieldMessage("name")} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={error?.fieldMessage("password")}
      />
      <SelectField label="Global role" name="role" defaultValue="user">
        <option value="user">User (rights come from project memberships)</option>
        <option value="admin">Admin (everything)</option>
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={mutation.isPending}>
          Create user
        </Button>
        {mutation.isSuccess ? <p className="text-sm text-green-800">User created.</p> : null}
        {error && !error.problem.errors?.length ? (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
