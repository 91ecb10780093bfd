export { reviseAnnotationsRoute as PUT } from "@/lib/server/queue/routes";
