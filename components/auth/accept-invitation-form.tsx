"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/invitations";

/** The invitee sets their name and password; the account is created and they are signed in. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const mutation = useMutation({
    mutationFn: async (body: { name: string; password: string }) => {
      await callApi(endpoints.acceptInvitation, { params: { token }, body });
      await signIn("credentials", { email, password: body.password, callbackUrl: "/" });
    },
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ name: String(form.get("name")), password: String(form.get("password")) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="Email" name="email" value={email} readOnly />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        error={error?.fieldMessage("name")}
      />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={error?.fieldMessage("password")}
      />
      <FormOutcome error={error} />
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating your account…" : "Create my account"}
      </Button>
    </form>
  );
}
