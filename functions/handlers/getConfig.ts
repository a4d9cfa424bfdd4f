// GET /config?lang=xx — the deployment's categories, organizations, pages, deadlines and UI strings.
import { publicConfig } from '#core/publicConfig.js';
import { packIndex } from '#composition/packIndex.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { languageQuery } from '#schemas/config.js';

const index = packIndex();
// One serialized answer per language, built on first use: 1,000+ organizations need not be mapped per request.
const answers = new Map<string, string>();

export const handler = httpHandler(async (event) => {
  const { lang } = parseInput(languageQuery, event.queryStringParameters ?? {}, 'The query');
  const config = publicConfig(index, lang);
  let body = answers.get(config.language);
  if (body === undefined) {
    body = JSON.stringify(config);
    answers.set(config.language, body);
  }
  return { ...json(200, null, { 'cache-control': 'public, max-age=300' }), body };
});
