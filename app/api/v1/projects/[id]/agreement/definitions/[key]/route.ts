export { getDefinitionAgreementRoute as GET } from "@/lib/server/agreement/routes";
