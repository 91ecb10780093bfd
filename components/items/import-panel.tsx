"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api-error";
import { formatOf, previewFile, type TFilePreview } from "@/lib/client/preview-file";
import { uploadWithProgress } from "@/lib/client/upload-with-progress";
import * as endpoints from "@/lib/endpoints/items";
import type { ZImportQuery } from "@/lib/schemas/items";
import { FieldMapping, type TMapping } from "./field-mapping";
import { ImportResultView, type TImportResult } from "./import-result";

const CONTENT_TYPES = { jsonl: "application/x-ndjson", json: "application/json", csv: "text/csv" } as const;

export function ImportPanel({ projectId }: { projectId: string }) {
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TFilePreview | null>(null);
  const [mapping, setMapping] = useState<TMapping>({
    dataFields: [],
    idField: "",
    priorityField: "",
    predictionsField: "",
  });
  const [name, setName] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function onFile(chosen: File | null) {
    setFile(chosen);
    setResult(null);
    setError(null);
    setPreview(null);
    if (!chosen) return;
    const format = formatOf(chosen.name);
    if (!format) {
      setError(
        new ApiError({
          status: 400,
          title: "Unknown format",
          detail: "Choose a .jsonl, .json or .csv file.",
        }),
      );
      return;
    }
    setName(chosen.name.replace(/\.[^.]+$/, ""));
    const p = await previewFile(chosen, format);
    setPreview(p);
    const guessId = p.fields.find((f) => /^(id|uid)$|(^|_)id$|^external_?id$/i.test(f)) ?? "";
    setMapping({
      dataFields: p.fields.filter((f) => f !== guessId),
      idField: guessId,
      priorityField: "",
      predictionsField: "",
    });
  }

  async function onImport() {
    if (!file || !preview) return;
    const query: z.input<typeof ZImportQuery> = { format: preview.format, name, fileName: file.name };
    if (!preview.isApiShape) {
      query.dataFields = mapping.dataFields.join(",");
      if (mapping.idField) query.idField = mapping.idField;
      if (mapping.priorityField) query.priorityField = mapping.priorityField;
      if (mapping.predictionsField) query.predictionsField = mapping.predictionsField;
    }
    setProgress(0);
    setError(null);
    setResult(null);
    try {
      const res = await uploadWithProgress(
        endpoints.importItems,
        { params: { id: projectId }, query },
        file,
        CONTENT_TYPES[preview.format],
        setProgress,
      );
      setResult(res);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ status: 0, title: "Error", detail: String(e) }));
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
          File (JSONL, JSON array or CSV with a header row)
        </label>
        <input
          id={fileId}
          type="file"
          accept=".jsonl,.ndjson,.json,.csv"
          onChange={(e) => void onFile(e.target.files?.[0] ?? null)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white"
        />
      </div>
      {preview ? (
        <>
          <PreviewTable preview={preview} />
          {preview.isApiShape ? (
            <p className="text-sm text-slate-700">
              The records already have Concord&apos;s shape (<code>data</code>, <code>externalId</code>,{" "}
              <code>priority</code>, <code>predictions</code>): no mapping needed.
            </p>
          ) : (
            <FieldMapping fields={preview.fields} mapping={mapping} onChange={setMapping} />
          )}
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <TextField label="Batch name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <Button
              onClick={() => void onImport()}
              disabled={progress !== null || (!preview.isApiShape && mapping.dataFields.length === 0)}
            >
              Import {file?.name}
            </Button>
          </div>
        </>
      ) : null}
      {progress !== null ? (
        <div>
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-2 w-full overflow-hidden rounded bg-slate-200"
          >
            <div
              className="h-full bg-indigo-600 transition-all"
              style={{ width: `${Math.round(progress * 100)}%` }}
            />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Checking and storing records…"}
          </p>
        </div>
      ) : null}
      <ImportResultView result={result} error={error} />
    </div>
  );
}

function PreviewTable({ preview }: { preview: TFilePreview }) {
  if (preview.error) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        Could not read the start of the file: {preview.error}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left text-sm font-medium text-slate-800">
          First {preview.records.length} records
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {preview.fields.map((f) => (
              <th key={f} scope="col" className="px-3 py-2 text-left font-mono font-semibold text-slate-700">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.records.map((r, i) => (
            <tr key={i}>
              {preview.fields.map((f) => (
                <td key={f} className="max-w-xs truncate px-3 py-2 text-slate-800">
                  {typeof r[f] === "string" ? (r[f] as string) : JSON.stringify(r[f] ?? "")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
