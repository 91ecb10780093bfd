"use client";

import { useId, useState } from "react";

const FORMATS = [
  ["jsonl", "JSONL (canonical: its sha256 is the version's)"],
  ["csv", "CSV"],
  ["parquet", "Parquet (typed data columns; manifest in the file metadata)"],
  ["hf", "Hugging Face dataset folder (.tar.gz with card and manifest)"],
  ["preference", "Preference pairs, JSONL (prompt / chosen / rejected)"],
  ["preference-hf", "Preference pairs, Hugging Face dataset folder (.tar.gz with card and manifest)"],
  ["label-studio", "Label Studio tasks, JSON (every annotation)"],
  ["prodigy", "Prodigy, JSONL (every annotation)"],
] as const;
type TFormat = (typeof FORMATS)[number][0];

/** Formats the `concord export` CLI takes; for the others the panel shows the request itself. */
const CLI_FORMATS: readonly TFormat[] = ["jsonl", "csv", "parquet", "hf", "preference", "preference-hf"];
const PREFERENCE_FORMATS: readonly TFormat[] = ["preference", "preference-hf"];
/** Formats that are the individual annotations themselves: the checkbox does not apply. */
const ANNOTATION_FORMATS: readonly TFormat[] = ["label-studio", "prodigy"];
const EXTENSIONS: Record<TFormat, string> = {
  jsonl: "jsonl",
  csv: "csv",
  parquet: "parquet",
  hf: "tar.gz",
  preference: "preference.jsonl",
  "preference-hf": "preference.hf.tar.gz",
  "label-studio": "label-studio.json",
  prodigy: "prodigy.jsonl",
};

/** Builds the export link for a version, and shows the same download for scripts and the CLI. */
export function DownloadPanel({
  evalSetId,
  setName,
  version,
  canUseRealIds,
  hasPreferencePairs,
  definitionKeys,
}: {
  evalSetId: string;
  setName: string;
  version: number;
  canUseRealIds: boolean;
  /** The version holds a ranking or pairwise definition, so it has preference pairs. */
  hasPreferencePairs: boolean;
  /** The version's label definitions: a Prodigy file answers one of them. */
  definitionKeys: string[];
}) {
  const id = useId();
  const [format, setFormat] = useState<TFormat>("jsonl");
  const [withAnnotations, setWithAnnotations] = useState(false);
  const [realIds, setRealIds] = useState(false);
  const [definition, setDefinition] = useState(definitionKeys[0] ?? "");
  const formats = FORMATS.filter(([key]) => !PREFERENCE_FORMATS.includes(key) || hasPreferencePairs);
  const annotationsChoice = !ANNOTATION_FORMATS.includes(format) && !PREFERENCE_FORMATS.includes(format);
  const annotations = annotationsChoice && withAnnotations;
  const raw = (annotations || ANNOTATION_FORMATS.includes(format)) && realIds;
  const query = new URLSearchParams({ format });
  if (annotations) query.set("annotations", "true");
  if (raw) query.set("annotators", "raw");
  if (format === "prodigy" && definitionKeys.length > 1) query.set("definition", definition);
  const path = `/api/v1/eval-sets/${evalSetId}/versions/${version}/export?${query}`;
  const fileName = `${setName.replace(/[^A-Za-z0-9._-]+/g, "-")}-v${version}.${EXTENSIONS[format]}`;
  const cli = CLI_FORMATS.includes(format)
    ? [
        "npx concord export --url <server> --token <api token>",
        `--set ${JSON.stringify(setName)} --version ${version} --format ${format}`,
        ...(annotations ? ["--annotations"] : []),
        ...(raw ? ["--raw-annotators"] : []),
        `-o ${fileName}`,
      ].join(" ")
    : `curl -H "Authorization: Bearer <api token>" "<server>${path}" -o ${fileName}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={`${id}-format`} className="block text-sm font-medium text-slate-800">
            Format
          </label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.target.value as TFormat)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {formats.map(([key, title]) => (
              <option key={key} value={key}>
                {title}
              </option>
            ))}
          </select>
        </div>
        {format === "prodigy" && definitionKeys.length > 1 ? (
          <div>
            <label htmlFor={`${id}-definition`} className="block text-sm font-medium text-slate-800">
              Label definition
            </label>
            <select
              id={`${id}-definition`}
              value={definition}
              onChange={(e) => setDefinition(e.target.value)}
              className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {definitionKeys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {annotationsChoice ? (
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={withAnnotations}
              onChange={(e) => setWithAnnotations(e.target.checked)}
            />
            Include individual annotations
          </label>
        ) : null}
        {canUseRealIds && (annotations || ANNOTATION_FORMATS.includes(format)) ? (
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
            <input type="checkbox" checked={realIds} onChange={(e) => setRealIds(e.target.checked)} />
            Real annotator ids (default: pseudonyms)
          </label>
        ) : null}
        <a
          href={path}
          download
          className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
        >
          Download
        </a>
      </div>
      <p className="text-xs text-slate-600">
        {annotations
          ? "With annotations the file differs from the canonical JSONL, so the recorded sha256 does not apply to it."
          : format === "jsonl"
            ? "This file's sha256 equals the version's recorded hash."
            : PREFERENCE_FORMATS.includes(format)
              ? "The pairs file's own line count and sha256 are in the manifest, recorded at the freeze."
              : "The recorded sha256 is that of the canonical JSONL of this version."}
      </p>
      <div>
        <p className="text-sm font-medium text-slate-800">From a terminal</p>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs whitespace-pre-wrap text-slate-100">
          {cli}
        </pre>
      </div>
    </div>
  );
}
