// The pack's languages, each named in itself as the pack writes it (한국어, shqip, oʻzbekcha), so a reader finds their
// own whatever language the page is in. Browsers cannot be asked: Chromium names Albanian "Albanian" in Albanian.
import type { JSX } from 'preact';

export function LanguageSwitcher({
  label,
  languages,
  names,
  current,
  onChange,
}: {
  label: string;
  languages: string[];
  /** The pack's `languageNames`. */
  names: Record<string, string>;
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
            {names[code] ?? code}
          </option>
        ))}
      </select>
    </div>
  );
}
