export { getVersionLineageRoute as GET } from "@/lib/server/eval-sets/routes";
