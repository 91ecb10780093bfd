"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/webhooks";
import { WEBHOOK_EVENTS, type TWebhookEvent } from "@/lib/webhooks/event-types";

export function CreateWebhookForm({
  projectId,
  onCreated,
}: {
  projectId: string;
  onCreated: (created: { id: string; secret: string }) => void;
}) {
  const create = useMutation({
    mutationFn: (body: { url: string; events: TWebhookEvent[] }) =>
      callApi(endpoints.createWebhook, { params: { id: projectId }, body }),
    onSuccess: onCreated,
  });
  const error = create.error instanceof ApiError ? create.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      { url: String(data.get("url") ?? ""), events: data.getAll("events").map(String) as TWebhookEvent[] },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add a webhook">
      <TextField
        label="URL"
        name="url"
        type="url"
        placeholder="https://hooks.example.com/concord"
        required
        error={error?.fieldMessage("url")}
        hint="http or https; private and loopback addresses are refused."
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Events</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={e} defaultChecked={e === "eval_set.frozen"} />
              <code>{e}</code>
            </label>
          ))}
        </div>
        {error?.fieldMessage("events") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-700">
            {error.fieldMessage("events")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={create.isPending}>
        Add webhook
      </Button>
    </form>
  );
}
