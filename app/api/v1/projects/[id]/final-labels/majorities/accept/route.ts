export { acceptMajoritiesRoute as POST } from "@/lib/server/final-labels/routes";
