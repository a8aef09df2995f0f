/*
 * Replaces the webjar's config.js: the language of Tasklist is chosen by ../../lifecycle/language.js
 * (Hebrew first, with a switch to English). This file replaces the original whole, so it repeats
 * Tasklist's keyboard shortcuts, which are configured only here (their descriptions in the
 * language shown: the locale files do not hold them).
 */
import { activeLanguage, applyLanguage, locales } from '../../lifecycle/language.js';

applyLanguage();

const hebrew = activeLanguage() === 'he';

export default {
  locales: locales(),

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: hebrew ? 'לקיחת המשימה הנבחרת לטיפול' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: hebrew ? 'מעבר למסנן הראשון ברשימה' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: hebrew ? 'מעבר למשימה הראשונה ברשימה' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: hebrew
        ? 'מעבר לשדה הראשון בטופס המשימה'
        : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: hebrew ? 'פתיחת חלון התחלת תהליך' : 'opens the start process modal dialog'
    }
  }
};
