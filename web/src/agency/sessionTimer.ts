// Watches the session's end: from two minutes before it the console warns (and offers to stay signed in); at the end
// it ends the session itself instead of waiting for the next call to be refused. Timers are late in a background tab
// or on a laptop that slept, so the page looks again whenever it is shown.
import { useEffect, useState } from 'preact/hooks';
import { type AgencySession, WARNING_MS } from './session.js';

/** Whether the session is in its last two minutes; `expire` runs once its time is up. */
export function useSessionTimer(session: AgencySession | null, expire: () => void): boolean {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    setWarning(false);
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const left = session.expiresAt - Date.now();
      if (left <= 0) return expire();
      setWarning(left <= WARNING_MS);
      timer = setTimeout(check, left > WARNING_MS ? left - WARNING_MS : left);
    };
    check();
    document.addEventListener('visibilitychange', check);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [session]);
  return warning;
}
