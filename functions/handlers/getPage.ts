// GET /pages/{id}?lang=xx — an information page (how it works, protection, rewards, policies) as Markdown.
import { publicPage } from '#core/publicConfig.js';
import { packIndex } from '#composition/packIndex.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { languageQuery, pageParams } from '#schemas/config.js';

const index = packIndex();

export const handler = httpHandler(async (event) => {
  const { id } = parseInput(pageParams, event.pathParameters ?? {}, 'The page address');
  const { lang } = parseInput(languageQuery, event.queryStringParameters ?? {}, 'The query');
  return json(200, publicPage(index, id, lang), { 'cache-control': 'public, max-age=300' });
});
