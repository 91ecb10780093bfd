export { getQueueProgressRoute as GET } from "@/lib/server/queue/routes";
