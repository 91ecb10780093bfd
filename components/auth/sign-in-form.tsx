"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { sameOriginPath } from "@/lib/auth/same-origin-path";

// What next-auth's redirects to /signin?error=… mean, for the person signing in.
const SIGN_IN_ERRORS: Record<string, string> = {
  AccountDisabled: "Your account is disabled. Ask an admin.",
  OAuthSignin: "Single sign-on could not start. Try again, or ask an admin.",
  OAuthCallback: "Single sign-on did not complete. Try again, or ask an admin.",
  Callback: "Single sign-on did not complete. Try again, or ask an admin.",
  AccessDenied: "You are not allowed to sign in.",
};

export function SignInForm({
  passwords = true,
  sso = null,
}: {
  passwords?: boolean;
  sso?: { id: string; name: string } | null;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const redirectError = searchParams.get("error");
  const [error, setError] = useState<string | null>(
    redirectError ? (SIGN_IN_ERRORS[redirectError] ?? "Sign-in failed. Try again.") : null,
  );
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.",
      );
      return;
    }
    router.replace(sameOriginPath(searchParams.get("callbackUrl"), window.location.origin));
    router.refresh();
  }

  const ssoButton = sso ? (
    <Button
      variant={passwords ? "secondary" : "primary"}
      className="w-full"
      onClick={() =>
        void signIn(sso.id, {
          callbackUrl: sameOriginPath(searchParams.get("callbackUrl"), window.location.origin),
        })
      }
    >
      Sign in with {sso.name}
    </Button>
  ) : null;
  if (!passwords) {
    return (
      <div className="space-y-4">
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
        {ssoButton}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
      {ssoButton ? (
        <>
          <p className="text-center text-xs text-slate-600">or</p>
          {ssoButton}
        </>
      ) : null}
    </form>
  );
}
