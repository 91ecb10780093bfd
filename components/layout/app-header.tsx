import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: { name: string; email: string; isAdmin: boolean } }) {
  const links = [
    { href: "/", label: "Projects" },
    ...(user.isAdmin
      ? [
          { href: "/admin/projects", label: "Manage projects" },
          { href: "/admin/users", label: "Users" },
        ]
      : []),
    { href: "/settings/tokens", label: "API tokens" },
    { href: "/settings/password", label: "Password" },
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Wraps rather than overflows: on a phone the links take a second row instead of widening the page. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-6 gap-y-1">
          <Link href="/" className="text-lg font-bold tracking-tight text-indigo-700">
            Concord
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1">
            {links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {l.label}
              </Link>
            ))}
          </nav>
        </div>
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex min-w-0 items-center text-sm text-slate-700" title={user.email}>
            <span className="max-w-48 truncate">{user.name}</span>
            {user.isAdmin ? (
              <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">admin</span>
            ) : null}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
