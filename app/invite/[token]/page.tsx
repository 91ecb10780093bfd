import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { ZInvitationParams } from "@/lib/schemas/people";
import { AppError } from "@/lib/server/errors";
import { getInvitation } from "@/lib/server/invitations/get-invitation";

export const metadata: Metadata = { title: "Accept an invitation" };

// Open to visitors without a session (proxy.ts lets /invite/ through): the token is the credential.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = ZInvitationParams.safeParse({ token });
  let invitation: Awaited<ReturnType<typeof getInvitation>> | null = null;
  let problem = "This invitation link is not valid.";
  if (parsed.success) {
    try {
      invitation = await getInvitation(parsed.data.token);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.status === 410 ? error.message : problem;
    }
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-bold tracking-tight text-indigo-700">Concord</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">
            {invitation?.projectName
              ? `You are invited to ${invitation.projectName} as ${invitation.role}`
              : "You are invited to Concord"}
          </h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation ? (
            <AcceptInvitationForm token={token} email={invitation.email} />
          ) : (
            <div className="space-y-3 text-sm text-slate-800">
              <p role="alert">{problem}</p>
              <Link className="font-medium text-indigo-700 underline" href="/signin">
                Go to sign-in
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
