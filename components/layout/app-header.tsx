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
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-lg font-bold tracking-tight text-indigo-700">
            Concord
          </Link>
          <nav aria-label="Main" className="flex gap-1">
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
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-700" title={user.email}>
            {user.name}
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
