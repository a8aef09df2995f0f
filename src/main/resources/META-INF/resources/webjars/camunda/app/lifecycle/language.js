/*
 * The language of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) of community-lifecycle.
 *
 * Hebrew first: the user's own choice (the switch below, kept in localStorage) wins; without one, the
 * browser's first language when it is Hebrew or English; any other browser language gets Hebrew.
 * Camunda itself only reads the browser's first language, so each app's scripts/config.js offers it
 * exactly one locale (the one chosen here) and there is no second guess.
 *
 * Hebrew also turns the page right-to-left (<html dir="rtl" lang="he">): nothing in the webapps does,
 * and the styles in lifecycle/rtl.css key on it.
 */
const STORAGE_KEY = 'lifecycle.language';

const LANGUAGES = ['he', 'en'];

// What the switch offers, written in the language it switches to.
const SWITCH_LABELS = { he: 'עברית', en: 'English' };

const SWITCH_TITLES = { he: 'הצגת הממשק בעברית', en: 'Show the interface in English' };

function storedLanguage() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored) ? stored : null;
  } catch (e) {
    // storage blocked (private mode, policy): fall back to the browser's language
    return null;
  }
}

function browserLanguage() {
  const nav = window.navigator;
  const first = (nav.languages && nav.languages[0]) || nav.language || '';
  const code = first.split('-')[0].toLowerCase();
  // 'iw' is the old code of Hebrew, still sent by some systems
  if (code === 'iw') {
    return 'he';
  }
  return LANGUAGES.includes(code) ? code : null;
}

export function activeLanguage() {
  return storedLanguage() || browserLanguage() || 'he';
}

/** The `locales` entry of an app's config.js. */
export function locales() {
  const language = activeLanguage();
  return { availableLocales: [language], fallbackLocale: language };
}

function chooseLanguage(language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch (e) {
    return;
  }
  window.location.reload();
}

function installSwitch(language) {
  if (document.getElementById('lifecycle-language-switch')) {
    return;
  }
  const other = language === 'he' ? 'en' : 'he';
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'lifecycle-language-switch';
  button.className = 'lifecycle-language-switch';
  button.lang = other;
  button.dir = other === 'he' ? 'rtl' : 'ltr';
  button.textContent = SWITCH_LABELS[other];
  button.title = SWITCH_TITLES[other];
  button.setAttribute('data-language', other);
  button.addEventListener('click', () => chooseLanguage(other));
  document.body.appendChild(button);
}

function linkStyles() {
  if (document.getElementById('lifecycle-rtl-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'lifecycle-rtl-styles';
  link.rel = 'stylesheet';
  link.href = new URL('./rtl.css', import.meta.url).href;
  document.head.appendChild(link);
}

/*
 * Camunda Forms (form-js, bundled in the webapps) write their validation messages in English only,
 * with no way to pass translations: these are its messages (form-js 1.8 in Camunda 7.24), in Hebrew.
 * A message not listed here stays in English.
 */
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => 'שדה חובה.'],
  [/^Field must match pattern .*\.$/, () => 'הערך אינו בתבנית הנדרשת.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `הערך המינימלי הוא ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `הערך המרבי הוא ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `נדרשים לפחות ${m[1]} תווים.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `מותרים עד ${m[1]} תווים.`],
  [/^Field must be a valid email\.$/, () => 'יש להזין כתובת דוא"ל תקינה.'],
  [/^Field must be a valid +international phone number\./, () => 'יש להזין מספר טלפון בינלאומי תקין (למשל ‎+972501234567).'],
  [/^Date and time must both be entered\.$/, () => 'יש להזין גם תאריך וגם שעה.']
];

function translateFormMessages(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span').forEach((item) => {
    if (item.children.length > 0) {
      return;
    }
    const text = item.textContent.trim();
    for (const [pattern, hebrew] of FORM_MESSAGES) {
      const match = text.match(pattern);
      if (match) {
        item.textContent = hebrew(match);
        item.lang = 'he';
        return;
      }
    }
  });
}

function watchFormMessages() {
  // form-js redraws its messages on every keystroke: translate whatever it writes
  new MutationObserver(() => translateFormMessages(document.body)).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true
  });
}

function whenBodyIsThere(action) {
  if (document.body) {
    action();
  } else {
    document.addEventListener('DOMContentLoaded', action);
  }
}

/*
 * One login for the application (docs/adr/0024): the webapps take the signed-in user from the application's
 * session, so their own login form is never the way in. Whenever an app shows its login route (no session, or
 * just signed out, which ends the application's session too), the application's login page opens instead, and
 * brings the user back here once signed in.
 */
function useTheApplicationsLogin() {
  const toLogin = () => {
    if (window.location.hash.startsWith('#/login')) {
      window.location.replace('/login?logout');
    }
  };
  toLogin();
  window.addEventListener('hashchange', toLogin);
}

/** Sets the page's language and direction and shows the switch to the other language. */
export function applyLanguage() {
  useTheApplicationsLogin();
  const language = activeLanguage();
  const html = document.documentElement;
  html.lang = language;
  html.dir = language === 'he' ? 'rtl' : 'ltr';
  linkStyles();
  whenBodyIsThere(() => {
    installSwitch(language);
    if (language === 'he') {
      watchFormMessages();
    }
  });
}
