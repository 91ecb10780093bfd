import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
        <p className="mt-2 text-slate-600">It does not exist, or you cannot see it.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline">
          Back to your projects
        </Link>
      </div>
    </main>
  );
}
