"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import {
  dataFieldEntries,
  defaultRows,
  hideOnlyRows,
  listFieldPaths,
  mappingProblems,
  mapPreviewRecord,
  nextHiddenFields,
  unmappedData,
  type TFieldRow,
} from "@/lib/client/import-mapping";
import { importRequest } from "@/lib/client/import-request";
import { previewFile, type TFilePreview } from "@/lib/client/preview-file";
import { uploadWithProgress } from "@/lib/client/upload-with-progress";
import * as endpoints from "@/lib/endpoints/items";
import { updateProject } from "@/lib/endpoints/projects";
import type { TImportDialect } from "@/lib/import/import-types";
import { AnnotatorPreview } from "./annotator-preview";
import { FieldMapping, type TSpecialFields } from "./field-mapping";
import { ImportOptions, type TImportOptions } from "./import-options";
import { ImportResultView, type TImportResult } from "./import-result";
import { PreviewTable } from "./preview-table";
import { UploadProgress } from "./upload-progress";

const NO_SPECIAL: TSpecialFields = { idField: "", priorityField: "", predictionsField: "" };

export type TImportDefinition = { key: string; title: string; shownFields: string[] };

function rowsFor(preview: TFilePreview, dialect: TImportDialect, hidden: readonly string[]): TFieldRow[] {
  if (dialect === "concord" && !preview.isApiShape)
    return defaultRows(listFieldPaths(preview.records), hidden);
  return hideOnlyRows(
    preview.records.map((r) => unmappedData(r, dialect)),
    hidden,
  );
}

export function ImportPanel({
  projectId,
  hiddenFields,
  definitions,
}: {
  projectId: string;
  hiddenFields: string[];
  definitions: TImportDefinition[];
}) {
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TFilePreview | null>(null);
  const [options, setOptions] = useState<TImportOptions>({
    dialect: "concord",
    definitionKey: "",
    isSkippingBad: false,
  });
  const [rows, setRows] = useState<TFieldRow[]>([]);
  const [special, setSpecial] = useState<TSpecialFields>(NO_SPECIAL);
  const [hidden, setHidden] = useState<string[]>(hiddenFields);
  const [name, setName] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const isMappable = preview !== null && options.dialect === "concord" && !preview.isApiShape;
  const problems = mappingProblems(rows.filter((r) => !Object.values(special).includes(r.path)));
  const shownByDefinition = new Map(
    definitions.flatMap((d) => d.shownFields.map((f) => [f, d.key] as const)),
  );
  const first = preview?.records[0];
  const firstItem =
    first === undefined
      ? null
      : isMappable
        ? mapPreviewRecord(first, rows)
        : unmappedData(first, options.dialect);

  async function onFile(chosen: File | null) {
    setFile(chosen);
    setResult(null);
    setError(null);
    setPreview(null);
    if (!chosen) return;
    setName(chosen.name.replace(/(\.gz)?$/i, "").replace(/\.[^.]+$/, ""));
    const p = await previewFile(chosen);
    setPreview(p);
    setOptions((o) => ({ ...o, dialect: p.dialect }));
    const guessId = p.fields.find((f) => /^(id|uid)$|(^|_)id$|^external_?id$/i.test(f)) ?? "";
    const fresh = rowsFor(p, p.dialect, hidden);
    const isMapped = p.dialect === "concord" && !p.isApiShape;
    setSpecial(isMapped ? { ...NO_SPECIAL, idField: guessId } : NO_SPECIAL);
    setRows(isMapped ? fresh.map((r) => (r.path === guessId ? { ...r, isIncluded: false } : r)) : fresh);
  }

  function onOptions(next: TImportOptions) {
    if (preview && next.dialect !== options.dialect) {
      setRows(rowsFor(preview, next.dialect, hidden));
      setSpecial(NO_SPECIAL);
    }
    setOptions(next);
  }

  async function onImport() {
    if (!file || !preview) return;
    const dataRows = rows.filter((r) => !Object.values(special).includes(r.path));
    const request = importRequest(preview, {
      ...options,
      rows: dataRows,
      special,
      name,
      fileName: file.name,
    });
    setProgress(0);
    setError(null);
    setResult(null);
    // Hidden before the items exist, so that no annotator is ever served a field meant to be hidden;
    // put back as it was if the import then fails, so that a refused file changes nothing.
    const before = hidden;
    const nextHidden = nextHiddenFields(hidden, dataRows);
    const saveHidden = async (fields: string[]) => {
      const project = await callApi(updateProject, {
        params: { id: projectId },
        body: { hiddenFields: fields },
      });
      setHidden(project.hiddenFields ?? fields);
    };
    try {
      if (nextHidden) await saveHidden(nextHidden);
      try {
        const res = await uploadWithProgress(
          endpoints.importItems,
          { params: { id: projectId }, query: request.query },
          file,
          request.contentType,
          setProgress,
          request.headers,
        );
        setResult(res);
        router.refresh();
      } catch (e) {
        // Only a refusal (4xx) is known to have written nothing; otherwise the items may exist.
        const isRefused = e instanceof ApiError && e.problem.status >= 400 && e.problem.status < 500;
        if (nextHidden && isRefused) await saveHidden(before).catch(() => undefined);
        throw e;
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ status: 0, title: "Error", detail: String(e) }));
    } finally {
      setProgress(null);
    }
  }

  const canImport =
    preview?.isReadable === true &&
    progress === null &&
    problems.size === 0 &&
    (!isMappable || dataFieldEntries(rows).length > 0) &&
    (options.dialect !== "prodigy" || options.definitionKey !== "");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
          File (JSONL, JSON array or CSV with a header row; Label Studio or Prodigy exports; also as .gz)
        </label>
        <input
          id={fileId}
          type="file"
          accept=".jsonl,.ndjson,.json,.csv,.gz"
          onChange={(e) => void onFile(e.target.files?.[0] ?? null)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white"
        />
      </div>
      {preview ? (
        <>
          <PreviewTable preview={preview} />
          <ImportOptions
            detected={preview.dialect}
            options={options}
            definitions={definitions}
            onChange={onOptions}
          />
          {preview.isApiShape && options.dialect === "concord" ? (
            <p className="text-sm text-slate-700">
              The records already have Concord&apos;s shape (<code>data</code>, <code>externalId</code>,{" "}
              <code>priority</code>, <code>predictions</code>, <code>annotations</code>): their{" "}
              <code>data</code> is taken as it is.
            </p>
          ) : null}
          <FieldMapping
            topFields={preview.fields}
            rows={rows}
            special={special}
            isMappable={isMappable}
            problems={problems}
            shownByDefinition={shownByDefinition}
            onRows={setRows}
            onSpecial={(s, r) => {
              setSpecial(s);
              setRows(r);
            }}
          />
          {firstItem ? <AnnotatorPreview data={firstItem} rows={rows} /> : null}
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <TextField label="Batch name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <Button onClick={() => void onImport()} disabled={!canImport}>
              Import {file?.name}
            </Button>
          </div>
        </>
      ) : null}
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      <ImportResultView
        result={result}
        error={error}
        file={file}
        isLineBased={
          preview?.format === "jsonl" || options.dialect === "prodigy" || options.dialect === "hh-rlhf"
        }
      />
    </div>
  );
}
