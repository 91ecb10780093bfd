export { getAgreementOverviewRoute as GET } from "@/lib/server/agreement/routes";
