export { listMyTokensRoute as GET, createMyTokenRoute as POST } from "@/lib/server/tokens/routes";
