// What every console screen reads: the pack's configuration in the chosen language, the signed-in user, and
// `call`, the API with the user's token (a 401 ends the session and returns to the sign-in screen).
import { createContext } from 'preact';
import type * as z from 'zod';
import { useContext } from 'preact/hooks';
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { ApiResult } from '../shared/api.js';
import type { PortalConfig } from '../shared/portalConfig.js';
import type { AgencySession } from './session.js';

export type AgencyCall = <S extends z.ZodType>(method: string, path: string, answer: S, body?: unknown) => Promise<ApiResult<z.infer<S>>>;

export interface AgencyContextValue extends PortalConfig {
  session: AgencySession;
  call: AgencyCall;
  /** A notice for the next screen to show (the queue, after a case has left it). */
  setFlash: (message: UiStringKey | null) => void;
}

export const AgencyContext = createContext<AgencyContextValue | null>(null);

export function useAgency(): AgencyContextValue {
  const value = useContext(AgencyContext);
  if (!value) throw new Error('useAgency outside the AgencyContext provider');
  return value;
}
