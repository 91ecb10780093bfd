import { z } from "zod";

// Route params that are not well-formed ids are answered 404 by the API wrapper, like unknown ids.
export const ZProjectParams = z.object({ id: z.uuid() });
export const ZIdParams = z.object({ id: z.uuid() });
