export { claimNextItemRoute as POST } from "@/lib/server/queue/routes";
