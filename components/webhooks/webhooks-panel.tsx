"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { callApi } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/webhooks";
import { CreateWebhookForm } from "./create-webhook-form";
import { DeliveryLog } from "./delivery-log";

export function WebhooksPanel({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const key = ["projects", projectId, "webhooks"];
  const hooks = useQuery({
    queryKey: key,
    queryFn: () => callApi(endpoints.listWebhooks, { params: { id: projectId } }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const remove = useMutation({
    mutationFn: (hookId: string) => callApi(endpoints.deleteWebhook, { params: { id: projectId, hookId } }),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: (hookId: string) =>
      callApi(endpoints.sendWebhookTestEvent, { params: { id: projectId, hookId } }),
    onSuccess: refresh,
  });
  return (
    <div className="space-y-6">
      <Card title="Add a webhook">
        <CreateWebhookForm
          projectId={projectId}
          onCreated={(created) => {
            setSecret(created.secret);
            void refresh();
          }}
        />
        {secret ? (
          <div role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-4">
            <p className="text-sm font-medium text-green-900">
              Copy the signing secret now: it will not be shown again.
            </p>
            <code
              data-testid="webhook-secret"
              className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-green-200"
            >
              {secret}
            </code>
          </div>
        ) : null}
      </Card>
      {hooks.data?.webhooks.length === 0 ? (
        <Card>
          <EmptyState title="No webhooks yet">
            Add one above to hear about completed items, freezes and more.
          </EmptyState>
        </Card>
      ) : null}
      {hooks.data?.webhooks.map((hook) => (
        <Card
          key={hook.id}
          title={hook.url}
          actions={
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => test.mutate(hook.id)} disabled={test.isPending}>
                Send test event
              </Button>
              <Button
                variant="danger"
                onClick={() => remove.mutate(hook.id)}
                aria-label={`Delete the webhook to ${hook.url}`}
              >
                Delete
              </Button>
            </div>
          }
        >
          <p className="mb-3 text-sm text-slate-700">
            Events: {hook.events.join(", ")} · {hook.pending} waiting · {hook.failed} given up
          </p>
          <DeliveryLog projectId={projectId} hookId={hook.id} />
        </Card>
      ))}
    </div>
  );
}
