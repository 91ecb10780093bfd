import type { ReactNode } from "react";
import type { ApiError } from "@/lib/client/api-error";

/** A form's result beside its button: what succeeded, or the refusal no field message explains. */
export function FormOutcome({ success, error }: { success?: ReactNode; error: ApiError | null }) {
  return (
    <>
      {success ? (
        <p role="status" className="text-sm text-green-800">
          {success}
        </p>
      ) : null}
      {error && !error.problem.errors?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </>
  );
}
