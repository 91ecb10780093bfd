export { getAdjudicationItemRoute as GET } from "@/lib/server/final-labels/routes";
