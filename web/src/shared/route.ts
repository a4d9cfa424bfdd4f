// Hash routes (#/report, #/pages/rewards): static hosting needs no rewrite rules, and nothing secret ever goes
// into them — the tracking code stays in memory.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/**
 * Moves to a route as a new history entry, so the browser's Back returns to it; `replace` moves without one (a
 * corrected or completed address that Back should not return to).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = `#/${path.replace(/^\//, '')}`;
  if (location.hash === target) return;
  if (options.replace) location.replace(target);
  else location.hash = target;
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
