"use client";

import { useId, useState } from "react";

const FORMATS = [
  ["jsonl", "JSONL (canonical: its sha256 is the version's)"],
  ["csv", "CSV"],
  ["parquet", "Parquet (manifest in the file metadata)"],
  ["hf", "Hugging Face dataset folder (.tar.gz with card and manifest)"],
] as const;

/** Builds the export link for a version, and shows the same download for scripts and the CLI. */
export function DownloadPanel({
  evalSetId,
  setName,
  version,
  canUseRealIds,
}: {
  evalSetId: string;
  setName: string;
  version: number;
  canUseRealIds: boolean;
}) {
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number][0]>("jsonl");
  const [withAnnotations, setWithAnnotations] = useState(false);
  const [realIds, setRealIds] = useState(false);
  const query = new URLSearchParams({ format });
  if (withAnnotations) query.set("annotations", "true");
  if (withAnnotations && realIds) query.set("annotators", "raw");
  const path = `/api/v1/eval-sets/${evalSetId}/versions/${version}/export?${query}`;
  const cli = [
    "npx concord export --url <server> --token <api token>",
    `--set ${JSON.stringify(setName)} --version ${version} --format ${format}`,
    ...(withAnnotations ? ["--annotations"] : []),
    ...(withAnnotations && realIds ? ["--raw-annotators"] : []),
    `-o ${setName.replace(/[^A-Za-z0-9._-]+/g, "-")}-v${version}.${format === "hf" ? "tar.gz" : format}`,
  ].join(" ");
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
            onChange={(e) => setFormat(e.target.value as typeof format)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {FORMATS.map(([key, title]) => (
              <option key={key} value={key}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={withAnnotations}
            onChange={(e) => setWithAnnotations(e.target.checked)}
          />
          Include individual annotations
        </label>
        {canUseRealIds && withAnnotations ? (
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
        {withAnnotations
          ? "With annotations the file differs from the canonical JSONL, so the recorded sha256 does not apply to it."
          : format === "jsonl"
            ? "This file's sha256 equals the version's recorded hash."
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
