"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/accounts";

export function ApiTokensPanel() {
  const queryClient = useQueryClient();
  const [newToken, setNewToken] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ["me", "tokens"],
    queryFn: () => callApi(endpoints.listMyTokens),
  });
  const create = useMutation({
    mutationFn: (name: string) => callApi(endpoints.createMyToken, { body: { name } }),
    onSuccess: (result) => {
      setNewToken(result.token);
      void queryClient.invalidateQueries({ queryKey: ["me", "tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => callApi(endpoints.revokeMyToken, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "tokens"] }),
  });
  const error = create.error instanceof ApiError ? create.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get("name")), { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <TextField
            label="Token name"
            name="name"
            placeholder="e.g. eval pipeline"
            required
            error={error?.fieldMessage("name")}
          />
        </div>
        <div className="pt-6">
          <Button type="submit" disabled={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      {newToken ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4">
          <p className="text-sm font-medium text-green-900">
            Copy your new token now: it will not be shown again.
          </p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-green-200"
          >
            {newToken}
          </code>
        </div>
      ) : null}
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Your tokens</h3>
        {tokens.isLoading ? <p className="text-sm text-slate-600">Loading…</p> : null}
        {tokens.data?.tokens.length === 0 ? <p className="text-sm text-slate-600">No tokens yet.</p> : null}
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {tokens.data?.tokens.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">{t.name}</p>
                <p className="text-slate-600">
                  <span className="font-mono">{t.prefix}…</span> · created{" "}
                  {new Date(t.createdAt).toLocaleString("en-GB")}
                  {t.lastUsedAt
                    ? ` · last used ${new Date(t.lastUsedAt).toLocaleString("en-GB")}`
                    : " · never used"}
                </p>
              </div>
              {t.revokedAt ? (
                <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700">
                  revoked
                </span>
              ) : (
                <Button variant="danger" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
