import Link from "next/link";
import type { ReactNode } from "react";
import type { TDisagreementItem } from "@/lib/schemas/agreement";

/** A disputed item's link (plain text for viewers who may not open items) and its agreement. */
export function DisagreementHeading({
  item,
  itemHref,
  children,
}: {
  item: TDisagreementItem;
  itemHref: ((itemId: string) => string) | null;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <p className="text-sm font-medium text-slate-900">
        {itemHref ? (
          <Link href={itemHref(item.itemId)} className="text-indigo-700 underline">
            Item {item.itemId}
          </Link>
        ) : (
          `Item ${item.itemId}`
        )}
        {item.externalId ? (
          <span className="ml-2 font-mono text-xs text-slate-600">{item.externalId}</span>
        ) : null}
      </p>
      <p className="text-xs text-slate-700">{children}</p>
    </div>
  );
}
