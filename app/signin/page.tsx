import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInMethods } from "@/lib/server/auth/sign-in-settings";

export const metadata: Metadata = { title: "Sign in" };

// Read per request: which sign-in methods exist is set by the environment of the running server.
export const dynamic = "force-dynamic";

export default function SignInPage() {
  const methods = signInMethods();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-bold tracking-tight text-indigo-700">Concord</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">Sign in to label, review and export</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <Suspense>
            <SignInForm passwords={methods.passwords} sso={methods.sso} />
          </Suspense>
        </div>
      </div>
    </main>
  );
}
