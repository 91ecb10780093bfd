import "server-only";
import { randomBytes } from "node:crypto";
import { parseUsersCsv, type TUserLine } from "@/lib/people/parse-users-csv";
import type { TImportUsersInput, TImportUsersResult } from "@/lib/schemas/people";
import { hashPassword } from "@/lib/server/auth/passwords";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { badRequest, conflict, unprocessable } from "@/lib/server/errors";
import {
  INVITATION_DAYS,
  generateInvitationToken,
  invitationUrl,
} from "@/lib/server/invitations/invitation-token";

const PROJECT_ROLES = new Set(["lead", "annotator", "engineer"]);

/**
 * Users from CSV lines, all or nothing: any bad line, taken email or unknown project and nothing is
 * created, with every problem named by its line. With `passwords` each account is created with a
 * generated password; with `invitations` each line becomes an invitation link, and the account is
 * created when its holder sets their own name and password. Both are shown once, in the answer.
 */
export async function importUsers(
  createdById: string,
  input: TImportUsersInput,
  request: Request,
): Promise<TImportUsersResult> {
  const { users, errors } = parseUsersCsv(input.csv, { hasProject: Boolean(input.projectId) });
  if (errors.length) {
    throw badRequest(`The file has ${errors.length} problem(s); nothing was created.`, errors);
  }
  const credentials =
    input.credentials === "passwords"
      ? await Promise.all(users.map(async () => generatedPassword()))
      : users.map(() => generateInvitationToken());
  return withTransaction(async (client) => {
    if (input.projectId) {
      const project = await client.query("SELECT 1 FROM projects WHERE id = $1", [input.projectId]);
      if (!project.rowCount)
        throw unprocessable("No such project.", [{ path: "projectId", message: "no such project" }]);
    }
    const taken = await client.query<{ email: string }>("SELECT email FROM users WHERE email = ANY($1)", [
      users.map((u) => u.email),
    ]);
    if (taken.rowCount) {
      const takenEmails = new Set(taken.rows.map((r) => r.email));
      throw conflict(
        `${taken.rowCount} email(s) already have an account; nothing was created.`,
        users
          .filter((u) => takenEmails.has(u.email))
          .map((u) => ({ line: u.line, path: "email", message: "already has an account" })),
      );
    }
    const projectRole = (u: TUserLine) => (PROJECT_ROLES.has(u.role) ? u.role : null);
    if (input.credentials === "passwords") {
      const passwords = credentials as { password: string; passwordHash: string }[];
      const inserted = await client.query<{ id: string; email: string }>(
        `INSERT INTO users (email, name, password_hash, is_admin)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) RETURNING id, email`,
        [
          users.map((u) => u.email),
          users.map((u) => u.name),
          passwords.map((p) => p.passwordHash),
          users.map((u) => u.role === "admin"),
        ],
      );
      const idOf = new Map(inserted.rows.map((r) => [r.email, r.id]));
      const members = users.filter((u) => projectRole(u));
      if (input.projectId && members.length) {
        await client.query(
          `INSERT INTO memberships (project_id, user_id, role)
           SELECT $1, * FROM unnest($2::uuid[], $3::"ProjectRole"[])`,
          [input.projectId, members.map((u) => idOf.get(u.email)), members.map((u) => u.role)],
        );
      }
      return {
        created: users.map((u, i) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          password: passwords[i].password,
        })),
      };
    }
    const tokens = credentials as { token: string; tokenHash: string }[];
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await client.query(
      `INSERT INTO invitations (token_hash, email, is_admin, project_id, role, created_by_id, expires_at)
       SELECT t.token_hash, t.email, t.is_admin, CASE WHEN t.role IS NULL THEN NULL ELSE $5::uuid END, t.role, $6, $7
         FROM unnest($1::text[], $2::text[], $3::boolean[], $4::"ProjectRole"[]) AS t(token_hash, email, is_admin, role)`,
      [
        tokens.map((t) => t.tokenHash),
        users.map((u) => u.email),
        users.map((u) => u.role === "admin"),
        users.map(projectRole),
        input.projectId ?? null,
        createdById,
        expiresAt,
      ],
    );
    return {
      created: users.map((u, i) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        invitationUrl: invitationUrl(tokens[i].token, request),
      })),
    };
  });
}

async function generatedPassword(): Promise<{ password: string; passwordHash: string }> {
  // 96 random bits, typed once by the new user before they change it.
  const password = randomBytes(12).toString("base64url");
  return { password, passwordHash: await hashPassword(password) };
}
