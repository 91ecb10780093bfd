import { agreementPolicy } from "./agreement";
import { campaignPolicy } from "./campaigns";
import { auditPolicy } from "./audit";
import { evalSetPolicy } from "./eval-sets";
import { finalLabelPolicy } from "./final-labels";
import { itemFlagPolicy } from "./item-flags";
import { invitationPolicy } from "./invitations";
import { itemAssigneePolicy } from "./item-assignees";
import { itemPolicy } from "./items";
import { labelDefinitionPolicy } from "./label-definitions";
import { metaPolicy } from "./meta";
import { projectPolicy } from "./projects";
import { queuePolicy } from "./queue";
import { tokenPolicy } from "./tokens";
import { userPolicy } from "./users";
import { webhookPolicy } from "./webhooks";

/** Every domain's policy, by the name docs/access.md gives it. */
export const ALL_POLICIES = {
  meta: metaPolicy,
  tokens: tokenPolicy,
  users: userPolicy,
  invitations: invitationPolicy,
  projects: projectPolicy,
  "label-definitions": labelDefinitionPolicy,
  items: itemPolicy,
  queue: queuePolicy,
  "item-assignees": itemAssigneePolicy,
  agreement: agreementPolicy,
  "final-labels": finalLabelPolicy,
  "eval-sets": evalSetPolicy,
  campaigns: campaignPolicy,
  "item-flags": itemFlagPolicy,
  audit: auditPolicy,
  webhooks: webhookPolicy,
};
