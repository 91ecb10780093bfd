export { exchangePasswordForTokenRoute as POST } from "@/lib/server/tokens/routes";
