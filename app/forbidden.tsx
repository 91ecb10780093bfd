import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">
          You don&apos;t have access to this page
        </h1>
        <p className="mt-2 text-slate-600">Ask an admin of this Concord if you think you should.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline">
          Back to your projects
        </Link>
      </div>
    </main>
  );
}
