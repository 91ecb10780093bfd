export { listFinalLabelsRoute as GET } from "@/lib/server/final-labels/routes";
