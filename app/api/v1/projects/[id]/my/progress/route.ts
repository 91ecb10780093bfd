export { getMyProgressRoute as GET } from "@/lib/server/queue/routes";
