import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from "@/lib/audit/audit-actions";

/** A plain GET form: the filters live in the URL, so a filtered view can be linked to. */
export function AuditFilters({
  query,
  actors,
}: {
  query: { action?: string; actor?: string; from?: string; to?: string };
  actors: { id: string; name: string }[];
}) {
  return (
    <form method="get" className="grid items-end gap-3 sm:grid-cols-5" aria-label="Filter the audit trail">
      <SelectField label="Action" name="action" defaultValue={query.action ?? ""}>
        <option value="">Any action</option>
        {AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {AUDIT_ACTION_LABELS[a]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Who" name="actor" defaultValue={query.actor ?? ""}>
        <option value="">Anyone</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <TextField label="From" name="from" type="date" defaultValue={query.from ?? ""} />
      <TextField label="To" name="to" type="date" defaultValue={query.to ?? ""} />
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <a href="?" className="px-2 py-2 text-sm font-medium text-indigo-700 underline">
          Clear
        </a>
      </div>
    </form>
  );
}
