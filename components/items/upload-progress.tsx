/** How far the upload is; once sent, the server checks and stores the records. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-700" aria-live="polite">
        {fraction < 1 ? `Uploading… ${percent}%` : "Checking and storing records…"}
      </p>
    </div>
  );
}
