"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { callApi, type TBodyOf } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/final-labels";
import type { TFinalLabelRuleView } from "@/lib/schemas/final-labels";

/** How one definition's final labels are decided; thresholds are entered as percentages. */
type TFinalLabelRuleBody = TBodyOf<typeof endpoints.setFinalLabelRule>;

export function RuleForm({ projectId, rule }: { projectId: string; rule: TFinalLabelRuleView }) {
  const router = useRouter();
  const [kind, setKind] = useState(rule.kind);
  const mutation = useMutation({
    mutationFn: (body: TFinalLabelRuleBody) =>
      callApi(endpoints.setFinalLabelRule, { params: { id: projectId, key: rule.key }, body }),
    onSuccess: () => router.refresh(),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const percent = (name: string) => Number(form.get(name)) / 100;
    mutation.mutate({
      kind,
      ...(kind === "majority" ? { minShare: percent("minShare") } : {}),
      ...(kind === "min_agreement" ? { minAgreement: percent("minAgreement") } : {}),
      minAnnotations: Number(form.get("minAnnotations")),
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <div className="w-56">
        <SelectField
          label={`Rule for ${rule.title}`}
          value={kind}
          onChange={(e) => setKind(e.target.value as TFinalLabelRuleView["kind"])}
        >
          <option value="majority">Majority</option>
          <option value="unanimous">Unanimous</option>
          <option value="min_agreement">Minimum agreement</option>
        </SelectField>
      </div>
      {kind === "majority" ? (
        <div className="w-48">
          <TextField
            label="More than (%)"
            name="minShare"
            type="number"
            min={50}
            max={99}
            step="any"
            defaultValue={Math.round(rule.minShare * 1000) / 10}
            error={error?.fieldMessage("minShare")}
          />
        </div>
      ) : null}
      {kind === "min_agreement" ? (
        <div className="w-48">
          <TextField
            label="Pairs agreeing, at least (%)"
            name="minAgreement"
            type="number"
            min={1}
            max={100}
            step="any"
            defaultValue={Math.round(rule.minAgreement * 1000) / 10}
            error={error?.fieldMessage("minAgreement")}
          />
        </div>
      ) : null}
      <div className="w-40">
        <TextField
          label="Annotations needed"
          name="minAnnotations"
          type="number"
          min={1}
          max={100}
          defaultValue={rule.minAnnotations}
          error={error?.fieldMessage("minAnnotations")}
        />
      </div>
      <div className="pt-6">
        <Button type="submit" variant="secondary" disabled={mutation.isPending}>
          Save rule
        </Button>
      </div>
      {mutation.isSuccess ? (
        <p role="status" className="w-full text-sm text-emerald-800">
          Saved. Final labels follow the new rule from now on; frozen versions keep theirs.
        </p>
      ) : null}
      {error && !error.problem.errors?.length ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
