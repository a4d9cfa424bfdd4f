// Loads GET /config in the chosen language; a slower answer for a language no longer wanted is dropped.
import { useEffect, useState } from 'preact/hooks';
import { type ConfigResponse, configResponse } from '#schemas/config.js';
import { apiRequest } from './api.js';
import { adoptDateConventions } from './format.js';
import { applyDocumentLanguage, initialLanguage, rememberLanguage, type Translate, translator } from './i18n.js';

export interface PortalConfig {
  config: ConfigResponse;
  t: Translate;
  language: string;
}

export type ConfigState =
  | { state: 'loading' }
  | { state: 'failed'; status: number; retry: () => void }
  | ({ state: 'ready' } & PortalConfig);

export function usePortalConfig(titleKey: 'app.title' | 'agency.title'): [ConfigState, (language: string) => void] {
  const [wanted, setWanted] = useState<string | undefined>(initialLanguage);
  const [attempt, setAttempt] = useState(0);
  const [current, setCurrent] = useState<ConfigState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const query = wanted ? `?lang=${encodeURIComponent(wanted)}` : '';
    void apiRequest('GET', `/config${query}`, configResponse).then((result) => {
      if (!live) return;
      if (result.ok) {
        adoptDateConventions(result.data.language, result.data.formats);
        const t = translator(result.data.strings, result.data.formats.locale);
        applyDocumentLanguage(result.data.language, t(titleKey));
        setCurrent({ state: 'ready', config: result.data, t, language: result.data.language });
      } else if (result.status === 400 && wanted) {
        // A remembered or browser language this pack does not offer: use the pack's default.
        setWanted(undefined);
      } else {
        setCurrent({ state: 'failed', status: result.status, retry: () => setAttempt((n) => n + 1) });
      }
    });
    return () => {
      live = false;
    };
  }, [wanted, attempt]);
  const choose = (language: string) => {
    rememberLanguage(language);
    setWanted(language);
  };
  return [current, choose];
}
