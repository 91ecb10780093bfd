export { listLabelDefinitionVersionsRoute as GET } from "@/lib/server/label-definitions/routes";
