export { getVersionImpactRoute as GET } from "@/lib/server/campaigns/routes";
