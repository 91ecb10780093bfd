export { previewMajorityAcceptRoute as GET } from "@/lib/server/final-labels/routes";
