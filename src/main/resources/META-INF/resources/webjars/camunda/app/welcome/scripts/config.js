/*
 * Replaces the webjar's config.js (which only holds commented-out examples): the language of the app
 * is chosen by ../../lifecycle/language.js (Hebrew first, with a switch to English).
 */
import { applyLanguage, locales } from '../../lifecycle/language.js';

applyLanguage();

export default {
  locales: locales()
};
