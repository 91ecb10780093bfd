import { afterAll, describe, expect, it } from "vitest";
import { GET as getAssignmentRoute } from "@/app/api/v1/assignments/[id]/route";
import { POST as skipRoute } from "@/app/api/v1/assignments/[id]/skip/route";
import { GET as getItemRoute } from "@/app/api/v1/projects/[id]/items/[itemId]/route";
import { GET as listItemsRoute } from "@/app/api/v1/projects/[id]/items/route";
import { GET as myAssignmentsRoute } from "@/app/api/v1/projects/[id]/my/assignments/route";
import { GET as getProjectRoute, PATCH as patchProjectRoute } from "@/app/api/v1/projects/[id]/route";
import { GET as listProjectsRoute } from "@/app/api/v1/projects/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

// `gold` comes first in the data: a preview that takes "the first field" would show it.
const SECRET = "GOLD-SECRET";
const data = (i: number) => ({ gold: `${SECRET}-${i}`, text: `Item number ${i}`, source: "forum" });

const patch = (token: string, id: string, json: unknown) =>
  callRoute(patchProjectRoute, { method: "PATCH", token, params: { id }, json });

async function hiddenFieldsOf(projectId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ hidden_fields: string[] }>(
    "SELECT hidden_fields FROM projects WHERE id = $1",
    [projectId],
  );
  return rows[0].hidden_fields;
}

describe("hidden fields", () => {
  it("never reach an annotator, on any read path; leads still see them", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 4,
      overlap: 1,
      annotators: 1,
      data,
    });
    const [annotator] = annotators;
    const set = await patch(lead.token, project.id, { hiddenFields: ["gold"] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.hiddenFields).toEqual(["gold"]);

    const answers: unknown[] = [];
    const first = await claimAs(annotator.token, params);
    expect(first.status).toBe(200);
    expect(first.body.item.data).toEqual({ text: "Item number 0", source: "forum" });
    answers.push(first.body);
    const again = await claimAs(annotator.token, params); // the same lease, served again
    answers.push(again.body);
    const submitted = await submitAs(
      annotator.token,
      first.body.assignmentId,
      { sentiment: "pos" },
      "?next=1",
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.next.item.data).not.toHaveProperty("gold");
    answers.push(submitted.body);
    const skipped = await callRoute(skipRoute, {
      method: "POST",
      token: annotator.token,
      params: { id: submitted.body.next.assignmentId },
      path: "/x?next=1",
    });
    expect(skipped.status).toBe(200);
    expect(skipped.body.next.item.data).not.toHaveProperty("gold");
    answers.push(skipped.body);
    const detail = await callRoute(getAssignmentRoute, {
      token: annotator.token,
      params: { id: first.body.assignmentId },
    });
    expect(detail.status).toBe(200);
    expect(detail.body.values).toEqual({ sentiment: "pos" });
    answers.push(detail.body);
    const mine = await callRoute(myAssignmentsRoute, { token: annotator.token, params });
    expect(mine.status).toBe(200);
    expect(mine.body.assignments).toHaveLength(1);
    expect(mine.body.assignments[0].preview).toBe("Item number 0");
    answers.push(mine.body);
    const projectRead = await callRoute(getProjectRoute, { token: annotator.token, params });
    expect(projectRead.status).toBe(200);
    expect(projectRead.body).not.toHaveProperty("hiddenFields");
    answers.push(projectRead.body);
    const projectList = await callRoute(listProjectsRoute, { token: annotator.token });
    answers.push(projectList.body);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(JSON.stringify(answers)).not.toContain('"gold"');

    // Item reads are a lead's: an annotator is refused, and the lead sees the whole item.
    const itemId = first.body.item.id as string;
    expect(
      (await callRoute(getItemRoute, { token: annotator.token, params: { ...params, itemId } })).status,
    ).toBe(403);
    expect((await callRoute(listItemsRoute, { token: annotator.token, params })).status).toBe(403);
    const leadItem = await callRoute(getItemRoute, { token: lead.token, params: { ...params, itemId } });
    expect(leadItem.body.data.gold).toBe(`${SECRET}-0`);
    const leadProject = await callRoute(getProjectRoute, { token: lead.token, params });
    expect(leadProject.body.hiddenFields).toEqual(["gold"]);

    // Unhidden, the next claim carries the field again: the stripping is the setting's doing.
    expect((await patch(lead.token, project.id, { hiddenFields: [] })).status).toBe(200);
    const third = await claimAs(annotator.token, params);
    expect(third.body.item.data.gold).toMatch(SECRET);
  });

  it("refuses bad names (400), fields a definition shows (422) and annotators (403), changing nothing", async () => {
    const { lead, annotators, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "who", kind: "spans", options: [{ key: "PER" }], textField: "text" }],
      data,
    });
    expect((await patch(lead.token, project.id, { hiddenFields: ["source"] })).status).toBe(200);

    const duplicate = await patch(lead.token, project.id, { hiddenFields: ["gold", "gold"] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ path: "hiddenFields.1" })]);
    const empty = await patch(lead.token, project.id, { hiddenFields: ["gold", " "] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("hiddenFields.1");
    const nul = await patch(lead.token, project.id, { hiddenFields: ["go\u0000ld"] });
    expect(nul.status).toBe(400);
    expect(nul.body.errors[0].path).toBe("hiddenFields.0");
    const notAList = await patch(lead.token, project.id, { hiddenFields: "gold" });
    expect(notAList.status).toBe(400);
    const shown = await patch(lead.token, project.id, { hiddenFields: ["gold", "text"] });
    expect(shown.status).toBe(422);
    expect(shown.body.errors).toEqual([
      { path: "hiddenFields.1", message: expect.stringContaining('"who"') },
    ]);
    const byAnnotator = await patch(annotators[0].token, project.id, { hiddenFields: ["gold"] });
    expect(byAnnotator.status).toBe(403);

    expect(await hiddenFieldsOf(project.id)).toEqual(["source"]);
  });
});
