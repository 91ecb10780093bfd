import Link from "next/link";
import type { ReactNode } from "react";
import type { TDisagreementItem } from "@/lib/schemas/agreement-detail";

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
  // The same name the item page's title gives it: the external id where there is one.
  const name = item.externalId ?? `#${item.itemId}`;
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <p className="text-sm font-medium text-slate-900">
        {itemHref ? (
          <Link href={itemHref(item.itemId)} className="text-indigo-700 underline">
            Item {name}
          </Link>
        ) : (
          `Item ${name}`
        )}
      </p>
      <p className="text-xs text-slate-700">{children}</p>
    </div>
  );
}
