// The organization's staff (GET /staff), read once per screen that offers them: the queue's "assigned to" filter and
// the assignment form.
import { useEffect, useState } from 'preact/hooks';
import { type StaffListResponse, staffListResponse } from '#schemas/staff.js';
import { useAgency } from './context.js';

export type StaffMemberItem = StaffListResponse['items'][number];

/** The members, or null until they arrive (or when they cannot be read: the forms then offer what they can). */
export function useStaff(): StaffMemberItem[] | null {
  const { call } = useAgency();
  const [members, setMembers] = useState<StaffMemberItem[] | null>(null);
  useEffect(() => {
    let current = true;
    void call('GET', '/staff', staffListResponse).then((result) => {
      if (current && result.ok) setMembers(result.data.items);
    });
    return () => {
      current = false;
    };
  }, []);
  return members;
}
