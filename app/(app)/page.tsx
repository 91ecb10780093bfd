import Link from "next/link";
import { CreateProjectForm } from "@/components/admin/create-project-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listProjects } from "@/lib/server/projects/list-projects";
import { mayCreateProjects } from "@/lib/server/projects/may-create-projects";
import { countNoun } from "@/lib/text/count-noun";

export default async function HomePage() {
  const user = await requirePageUser();
  const [projects, canCreate] = await Promise.all([listProjects(user), mayCreateProjects(user)]);
  const isLead = projects.some((p) => p.myRole === "lead");
  return (
    <>
      <PageHeader title="Projects" subtitle={`Signed in as ${user.email}`} />
      {canCreate && !user.isAdmin ? (
        <div className="mb-6">
          <Card title="New project">
            <CreateProjectForm />
          </Card>
        </div>
      ) : null}
      {!canCreate && isLead ? (
        <p className="mb-6 rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700">
          You lead projects but cannot create them: only admins, and users an admin lets create projects, can.
          Ask an admin to tick “Creates projects” for you on the Users page.
        </p>
      ) : null}
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          {user.isAdmin ? (
            <Link className="font-medium text-indigo-700 underline" href="/admin/projects">
              Create the first project
            </Link>
          ) : (
            "An admin or a project lead has to add you to a project."
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {projects.map((p) => (
            <li key={p.id}>
              <Link
                href={`/projects/${p.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300"
              >
                <div className="flex items-start justify-between gap-2">
                  <h2 className="font-semibold text-slate-900">{p.name}</h2>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                    {p.myRole}
                  </span>
                </div>
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">
                  {p.description || "No description."}
                </p>
                <p className="mt-3 text-xs text-slate-600">
                  {countNoun(p.overlap, "annotator")} per item{p.archivedAt ? " · archived" : ""}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
