export { revokeMyTokenRoute as DELETE } from "@/lib/server/tokens/routes";
