"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Opens any item for a decision (to override a rule's label, or to mark a known answer as gold). */
export function JumpToItem({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [itemId, setItemId] = useState("");
  const [error, setError] = useState<string | undefined>();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = itemId.trim().replace(/^#/, "");
    if (!/^\d{1,19}$/.test(id)) return setError("Enter an item id, e.g. 1042");
    router.push(`/projects/${projectId}/adjudication/${id}`);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <div className="w-56">
        <TextField
          label="Item id"
          value={itemId}
          onChange={(e) => {
            setItemId(e.target.value);
            setError(undefined);
          }}
          inputMode="numeric"
          error={error}
          hint="Any item, resolved or not"
        />
      </div>
      <div className="pt-6">
        <Button type="submit" variant="secondary">
          Open item
        </Button>
      </div>
    </form>
  );
}
