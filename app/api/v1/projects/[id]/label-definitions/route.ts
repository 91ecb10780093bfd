export {
  listLabelDefinitionsRoute as GET,
  createLabelDefinitionRoute as POST,
} from "@/lib/server/label-definitions/routes";
