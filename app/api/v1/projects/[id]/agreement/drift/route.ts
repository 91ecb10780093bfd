export { getAgreementDriftRoute as GET } from "@/lib/server/agreement/routes";
