import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlongsideFigures } from "@/components/agreement/alongside-figures";
import { AnnotatorTable } from "@/components/agreement/annotator-table";
import { ConfusionTable } from "@/components/agreement/confusion-table";
import { DisagreementList } from "@/components/agreement/disagreement-list";
import { formatInterval, formatValue, KIND_LABELS, metricSymbol } from "@/components/agreement/format";
import { IntervalBar } from "@/components/agreement/interval-bar";
import { OptionTable } from "@/components/agreement/option-table";
import { PairMatrix } from "@/components/agreement/pair-matrix";
import { PositionBiasTable } from "@/components/agreement/position-bias-table";
import { ReadingBadge } from "@/components/agreement/reading-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ZAgreementDetailQuery } from "@/lib/schemas/agreement";
import { getDefinitionAgreement } from "@/lib/server/agreement/get-definition-agreement";
import { agreementPolicy } from "@/lib/policies/agreement";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { AppError } from "@/lib/server/errors";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Agreement drill-down" };

export default async function DefinitionAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; key: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id, key } = await params;
  const { access } = await requirePageProject(id, agreementPolicy.detail);
  const query = ZAgreementDetailQuery.safeParse({ version: (await searchParams).version });
  const version = !query.success || query.data.version === "all" ? null : query.data.version;
  const isLead = allows(agreementPolicy.seeAnnotatorNames, access.role);
  const detail = await getDefinitionAgreement(id, key, version, isLead).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { summary } = detail;
  // Rankings and rubrics have no annotator-by-annotator figures (ADR 016): their cards are left out.
  const isFeedback = detail.kind === "ranking" || detail.kind === "rubric";
  const base = `/projects/${id}/agreement/${key}`;
  // Where the rows left out of the HTML come from when asked for (the same drill-down, as JSON).
  const source = { projectId: id, definitionKey: key, version: detail.version };
  const optionCounts = new Map<string, number>();
  for (const c of detail.categories) {
    const keys = detail.kind === "multi_choice" ? (JSON.parse(c.value) as string[]) : [c.value];
    for (const k of keys) optionCounts.set(k, (optionCounts.get(k) ?? 0) + c.count);
  }
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/projects/${id}/agreement`} className="text-indigo-700 underline">
          ← All definitions
        </Link>
      </p>
      <PageHeader
        title={`${detail.title}: agreement`}
        subtitle={`${KIND_LABELS[detail.kind] ?? detail.kind} · ${summary.metricName}`}
        actions={
          <nav aria-label="Guideline version" className="flex flex-wrap gap-1 text-sm">
            {[null, ...detail.versions].map((v) => {
              const isCurrent = v === detail.version;
              return (
                <Link
                  key={v ?? "all"}
                  href={v === null ? base : `${base}?version=${v}`}
                  aria-current={isCurrent ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 font-medium ring-1 ${
                    isCurrent
                      ? "bg-indigo-600 text-white ring-indigo-600"
                      : "bg-white text-slate-800 ring-slate-300"
                  }`}
                >
                  {v === null ? "All versions" : `Version ${v}`}
                </Link>
              );
            })}
          </nav>
        }
      />
      <div className="space-y-6">
        <Card title={detail.version === null ? "All versions" : `Version ${detail.version}`}>
          <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
            <p className="text-4xl font-semibold tabular-nums text-slate-900">
              <span aria-hidden="true" className="mr-1 text-2xl font-normal text-slate-600">
                {metricSymbol(summary.metric)}
              </span>
              <span className="sr-only">{summary.metricName}: </span>
              {formatValue(summary.value)}
            </p>
            <div className="space-y-1">
              <ReadingBadge reading={summary.reading} />
              <p className="text-sm tabular-nums text-slate-700">95% interval {formatInterval(summary.ci)}</p>
            </div>
            <div className="min-w-64 flex-1">
              <IntervalBar
                value={summary.value}
                ci={summary.ci}
                isAlpha={summary.metric.startsWith("alpha")}
                label={summary.metricName}
              />
            </div>
          </div>
          <p className="mt-3 text-sm text-slate-700">
            {summary.readingText} Based on{" "}
            {countNoun(summary.itemsCompared, detail.kind === "ranking" ? "response" : "item")} labelled by
            two or more of {countNoun(summary.annotators, "annotator")} ({countNoun(summary.labels, "label")}
            ).
          </p>
          <div className="mt-3">
            {detail.kind === "spans" || detail.kind === "ranking" ? (
              <AlongsideFigures figures={summary.also.filter((f) => f.option === undefined)} />
            ) : null}
          </div>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          {detail.perOption.length > 0 ? (
            <Card
              title={
                detail.kind === "spans"
                  ? "Per entity label"
                  : detail.kind === "rubric"
                    ? "Per criterion: ordinal α"
                    : "Per option, one against the rest"
              }
            >
              <OptionTable figures={detail.perOption} counts={optionCounts} kind={detail.kind} />
            </Card>
          ) : null}
          {detail.confusion ? (
            <Card title="Which labels annotators confuse">
              <ConfusionTable labels={detail.categories.map((c) => c.label)} counts={detail.confusion} />
            </Card>
          ) : null}
        </div>
        {isFeedback ? null : (
          <>
            <Card title="Annotator by annotator">
              <PairMatrix
                ids={detail.matrix.annotators}
                annotators={detail.annotators}
                cells={detail.matrix.cells}
                statistic={detail.matrix.statistic}
              />
            </Card>
            <Card title="Each annotator against the others">
              <AnnotatorTable
                annotators={detail.annotators}
                statistic={detail.matrix.statistic}
                source={source}
              />
            </Card>
          </>
        )}
        {detail.positionBias ? (
          <Card title="Position bias: how often each annotator chose the side shown on the left">
            <PositionBiasTable rows={detail.positionBias} source={source} />
          </Card>
        ) : null}
        <Card title="Items with the most disagreement">
          <DisagreementList
            items={detail.disagreements}
            itemHref={isLead ? (itemId) => `/projects/${id}/items/${itemId}` : null}
            isSpans={detail.kind === "spans"}
            kind={detail.kind}
            criterionTitles={
              detail.kind === "rubric"
                ? new Map(detail.perOption.map((c) => [c.option ?? "", c.label ?? c.option ?? ""]))
                : undefined
            }
          />
        </Card>
      </div>
    </>
  );
}
