/** One field of an item's data, shown as readable text: strings keep their line breaks, other values are JSON. */
export function FieldText({
  data,
  field,
  className = "",
}: {
  data: Record<string, unknown>;
  field: string;
  className?: string;
}) {
  if (!Object.hasOwn(data, field) || data[field] === undefined) {
    return <p className="text-sm text-slate-700 italic">This item has no field “{field}”.</p>;
  }
  const value = data[field];
  if (typeof value === "string") {
    return <p className={`text-sm break-words whitespace-pre-wrap text-slate-900 ${className}`}>{value}</p>;
  }
  return (
    <pre className={`font-mono text-xs break-words whitespace-pre-wrap text-slate-800 ${className}`}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
