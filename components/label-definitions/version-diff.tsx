import type { ReactNode } from "react";
import { useMemo } from "react";
import type { TBreakingReason, TFieldChange } from "@/lib/label-definitions/diff-versions";
import { diffDefinitionVersions } from "@/lib/label-definitions/diff-versions";
import type { TLabelDefinitionSpec, TLabelOptionSpec } from "@/lib/label-definitions/definition-spec";
import { GuidelinesDiff } from "./guidelines-diff";

export function BreakingBadge() {
  return (
    <span className="inline-flex items-center rounded bg-red-700 px-1.5 py-0.5 font-sans text-[11px] font-semibold tracking-wide text-white uppercase">
      Breaking
    </span>
  );
}

const FIELD_NAMES: Record<string, string> = {
  title: "Title",
  required: "Required",
  labels: "Scale captions",
  textFields: "Side fields (A, B)",
  allowTie: "Ties allowed",
  shuffleSides: "Sides shuffled",
  maxLength: "Maximum length",
};

function fieldName(field: string, spec: TLabelDefinitionSpec): string {
  if (field === "textField") return spec.kind === "pairwise" ? "Prompt field" : "Text field";
  return FIELD_NAMES[field] ?? field;
}

/** Which breaking reason, if any, a changed field is responsible for. */
function isBreakingField(
  field: string,
  to: TLabelDefinitionSpec,
  codes: ReadonlySet<TBreakingReason["code"]>,
) {
  switch (field) {
    case "required":
      return codes.has("now_required");
    case "allowTie":
      return codes.has("tie_disallowed");
    case "maxLength":
      return codes.has("max_length_reduced");
    case "textFields":
      return codes.has("text_field_changed");
    case "textField":
      return to.kind === "spans" && codes.has("text_field_changed");
    default:
      return false;
  }
}

function formatFieldValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return `“${value}”`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return JSON.stringify(value);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function OptionLabel({ option }: { option: TLabelOptionSpec }) {
  return (
    <>
      <code className="font-mono text-xs">{option.key}</code>
      {option.title !== option.key ? <span> “{option.title}”</span> : null}
      {option.hotkey ? <span className="text-xs"> (key {option.hotkey})</span> : null}
    </>
  );
}

/**
 * What changed from one version of a definition to the next: breaking changes first (values valid
 * under `from` that may be invalid under `to`), then options, scale, other fields and the guidelines.
 * Every change is marked with words or signs as well as colour.
 */
export function VersionDiff({
  from,
  to,
  fromLabel = "before",
  toLabel = "after",
}: {
  from: TLabelDefinitionSpec;
  to: TLabelDefinitionSpec;
  fromLabel?: string;
  toLabel?: string;
}) {
  const diff = useMemo(() => diffDefinitionVersions(from, to), [from, to]);
  const codes = new Set(diff.breaking.map((reason) => reason.code));
  if (!diff.changed) return <p className="text-sm text-slate-700">No differences.</p>;
  const { options, scale } = diff;
  return (
    <div className="space-y-5 text-sm text-slate-800">
      {diff.breaking.length > 0 ? (
        <div className="space-y-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <BreakingBadge /> Answers given under {fromLabel} may not be valid under {toLabel}:
          </p>
          <ul className="list-disc pl-5">
            {diff.breaking.map((reason, i) => (
              <li key={i}>{reason.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {diff.kind ? (
        <Section title="Kind">
          <p>
            <code>{diff.kind.from}</code> → <code>{diff.kind.to}</code> <BreakingBadge />
          </p>
        </Section>
      ) : null}

      {options ? (
        <Section title="Options">
          <ul className="space-y-1">
            {options.added.map((option) => (
              <li
                key={`add-${option.key}`}
                className="rounded border-l-4 border-green-600 bg-green-50 px-2 py-1 text-green-900"
              >
                <span className="font-semibold">+ Added</span> <OptionLabel option={option} />
              </li>
            ))}
            {options.removed.map((option) => (
              <li
                key={`del-${option.key}`}
                className="flex flex-wrap items-center gap-1.5 rounded border-l-4 border-red-600 bg-red-50 px-2 py-1 text-red-900"
              >
                <span className="font-semibold">− Removed</span> <OptionLabel option={option} />
                {codes.has("option_removed") ? <BreakingBadge /> : null}
              </li>
            ))}
            {options.changed.map((change) => (
              <li
                key={`chg-${change.key}-${change.field}`}
                className="rounded border-l-4 border-slate-400 bg-slate-50 px-2 py-1"
              >
                <span className="font-semibold">~ Changed</span>{" "}
                <code className="font-mono text-xs">{change.key}</code> {change.field}:{" "}
                {formatFieldValue(change.from ?? undefined)} → {formatFieldValue(change.to ?? undefined)}
              </li>
            ))}
          </ul>
          {options.reordered ? <p className="text-slate-700">The options are in a different order.</p> : null}
        </Section>
      ) : null}

      {scale && from.kind === "rating" && to.kind === "rating" ? (
        <Section title="Scale">
          <p className="flex flex-wrap items-center gap-2">
            {from.min}..{from.max} → {to.min}..{to.max}
            {scale.narrowed ? <BreakingBadge /> : <span className="text-slate-700">(widened)</span>}
          </p>
        </Section>
      ) : null}

      {diff.fields.length > 0 ? (
        <FieldChanges fields={diff.fields} to={to} codes={codes} fromLabel={fromLabel} toLabel={toLabel} />
      ) : null}

      {diff.guidelines ? (
        <Section title="Guidelines">
          <GuidelinesDiff entries={diff.guidelines} />
        </Section>
      ) : null}
    </div>
  );
}

function FieldChanges({
  fields,
  to,
  codes,
  fromLabel,
  toLabel,
}: {
  fields: TFieldChange[];
  to: TLabelDefinitionSpec;
  codes: ReadonlySet<TBreakingReason["code"]>;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <Section title="Other changes">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Field
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                {fromLabel}
              </th>
              <th scope="col" className="py-1 font-semibold">
                {toLabel}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {fields.map((change) => (
              <tr key={change.field}>
                <th scope="row" className="py-1 pr-3 text-left align-top font-medium text-slate-800">
                  <span className="flex flex-wrap items-center gap-1.5">
                    {fieldName(change.field, to)}
                    {isBreakingField(change.field, to, codes) ? <BreakingBadge /> : null}
                  </span>
                </th>
                <td className="py-1 pr-3 align-top break-words text-red-900">
                  {formatFieldValue(change.from)}
                </td>
                <td className="py-1 align-top break-words text-green-900">{formatFieldValue(change.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
