// A pack's organizations form a tree by parentId. Invariant 5 reads it: a report about an organization's head never
// reaches that organization nor any organization under it. The server enforces that (functions/core/headReport.ts);
// the console reads the same tree so that it never offers such an organization as a transfer's destination.

/** Whether `organizationId` is `headOf` itself or sits under it in the pack's hierarchy, at any depth. */
export function isWithinOrganization(
  organizations: ReadonlyMap<string, { parentId?: string | undefined }>,
  organizationId: string,
  headOf: string,
): boolean {
  const seen = new Set<string>();
  for (
    let current: string | undefined = organizationId;
    current !== undefined && !seen.has(current);
    current = organizations.get(current)?.parentId
  ) {
    if (current === headOf) return true;
    seen.add(current);
  }
  return false;
}
