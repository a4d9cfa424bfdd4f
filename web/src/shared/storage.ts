// Browser storage that may be disabled or full (private browsing, strict settings): the pages keep working
// without it. Citizens get no cookies; sessionStorage dies with the tab, localStorage keeps only the language.
type Area = 'localStorage' | 'sessionStorage';

function area(name: Area): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

export function readItem(name: Area, key: string): string | null {
  try {
    return area(name)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(name: Area, key: string, value: string | null): void {
  try {
    const store = area(name);
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Full or disabled: the value lives only in memory for this page.
  }
}

export function readJson<T>(name: Area, key: string): T | null {
  const raw = readItem(name, key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
