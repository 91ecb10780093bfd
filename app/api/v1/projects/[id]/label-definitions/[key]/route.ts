export { updateLabelDefinitionRoute as PUT } from "@/lib/server/label-definitions/routes";
