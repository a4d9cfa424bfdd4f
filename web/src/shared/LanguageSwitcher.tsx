// The pack's languages, each named in itself (한국어, English), so a reader finds their own.
import type { JSX } from 'preact';

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function LanguageSwitcher({
  label,
  languages,
  current,
  onChange,
}: {
  label: string;
  languages: string[];
  current: string;
  onChange: (language: string) => void;
}): JSX.Element | null {
  if (languages.length < 2) return null;
  return (
    <div class="language">
      <label for="language">{label}</label>
      <select id="language" value={current} onChange={(event) => onChange((event.target as HTMLSelectElement).value)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
