export { getLabelTransitionsRoute as GET } from "@/lib/server/campaigns/routes";
