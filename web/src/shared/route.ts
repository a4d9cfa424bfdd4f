// Hash routes (#/report, #/pages/rewards): static hosting needs no rewrite rules, and nothing secret ever goes
// into them — the tracking code stays in memory.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(path: string): void {
  const target = `#/${path.replace(/^\//, '')}`;
  if (location.hash !== target) location.hash = target;
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
