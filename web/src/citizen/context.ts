// What every citizen screen reads: the pack's configuration in the chosen language and its translate function.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PortalConfig } from '../shared/portalConfig.js';

export const PortalContext = createContext<PortalConfig | null>(null);

export function usePortal(): PortalConfig {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside the PortalContext provider');
  return value;
}
