/** A freeze the release gate refused: which definitions fail, and by how much. */
export function GateRefusal({ failures }: { failures: { path: string; message: string }[] }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">The items fail the release gate:</p>
      <ul className="mt-1 list-disc pl-5">
        {failures.map((f, i) => (
          <li key={i}>
            <span className="font-mono">{f.path.slice("definitions.".length)}</span>: {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
