import "server-only";

/**
 * What countedAnnotations (lib/campaigns/counted-annotations.ts) needs of each annotation, as SQL:
 * the campaign it was made for, whether that campaign reached its overlap on the item, and when
 * the campaign started. Every reader of final labels selects these, so "a campaign is done on an
 * item" is written once. Put CAMPAIGN_MARK_JOINS after `FROM annotations n`.
 */
export const CAMPAIGN_MARK_COLUMNS = `a.campaign_id AS "campaignId",
        coalesce(ci.done_count >= ci.target_count, false) AS "isCampaignDone",
        coalesce(extract(epoch FROM c.created_at) * 1000, 0)::float8 AS "campaignStartedAt"`;

export const CAMPAIGN_MARK_JOINS = `JOIN assignments a ON a.id = n.assignment_id
   LEFT JOIN campaign_items ci ON ci.campaign_id = a.campaign_id AND ci.item_id = n.item_id
   LEFT JOIN campaigns c ON c.id = a.campaign_id`;
