"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchQueueProgress, fetchRecentSubmissions } from "./queue-api";

/** How many of one's own recent submissions can be gone back to from the workspace. */
export const RECENT_LIMIT = 20;

export const queueKeys = {
  progress: (projectId: string) => ["projects", projectId, "my", "progress"] as const,
  recent: (projectId: string) => ["projects", projectId, "my", "assignments"] as const,
  assignment: (assignmentId: string) => ["assignments", assignmentId] as const,
};

/** Done today, done in the project, and the items still open in it. */
export function useQueueProgress(projectId: string) {
  return useQuery({
    queryKey: queueKeys.progress(projectId),
    queryFn: () => fetchQueueProgress(projectId),
    staleTime: 10_000,
  });
}

/** One's own recent submissions, newest first. */
export function useRecentSubmissions(projectId: string) {
  return useQuery({
    queryKey: queueKeys.recent(projectId),
    queryFn: () => fetchRecentSubmissions(projectId, RECENT_LIMIT),
    staleTime: 10_000,
  });
}
