export { saveItemDecisionsRoute as POST } from "@/lib/server/final-labels/routes";
