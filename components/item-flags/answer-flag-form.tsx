"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/item-flags";

/** A lead's answer to one flag; the annotator sees it in their workspace. */
export function AnswerFlagForm({ projectId, flagId }: { projectId: string; flagId: string }) {
  const router = useRouter();
  const id = useId();
  const [answer, setAnswer] = useState("");
  const send = useMutation({
    mutationFn: () =>
      callApi(endpoints.answerItemFlag, { params: { id: projectId, flagId }, body: { answer } }),
    onSuccess: () => router.refresh(),
  });
  const error = send.error instanceof ApiError ? send.error : null;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor={id} className="block text-xs font-medium text-slate-800">
          Answer
        </label>
        <input
          id={id}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          required
        />
        {error?.fieldMessage("answer") ? (
          <p role="alert" className="text-xs text-red-700">
            {error.fieldMessage("answer")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={send.isPending}>
        Send answer
      </Button>
      <FormOutcome error={error} />
    </form>
  );
}
