export { checkHealthRoute as GET } from "@/lib/server/health/routes";
export const dynamic = "force-dynamic";
