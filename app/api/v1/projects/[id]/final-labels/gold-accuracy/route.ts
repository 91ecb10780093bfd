export { getGoldAccuracyRoute as GET } from "@/lib/server/final-labels/routes";
