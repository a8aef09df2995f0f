/*
 * Replaces the webjar's config.js: the language of Tasklist is chosen by ../../lifecycle/language.js
 * (Hebrew first, with a switch to English). This file replaces the original whole, so it repeats
 * Tasklist's keyboard shortcuts, which are configured only here.
 */
import { applyLanguage, locales } from '../../lifecycle/language.js';

applyLanguage();

export default {
  locales: locales(),

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
