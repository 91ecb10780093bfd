/** The page a list shows, from the `page` search parameter (1-based), and how many pages there are. */
export const PAGE_SIZE = 50;

export function pageWindow(pageParam: string | string[] | undefined, total: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = Number(Array.isArray(pageParam) ? pageParam[0] : pageParam);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  return { page, pages, offset: (page - 1) * size, limit: size };
}
