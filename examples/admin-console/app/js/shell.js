// The frame every panel shares: title, a status line, an error line, the sign-in area, the content
// shown once signed in, and a sign-out button.
import { describeError, h, setText } from './dom.js';

/**
 * @param {{ id: string, title: string, lead: string }} spec
 */
export function createShell({ id, title, lead }) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const activity = h('p', { class: 'activity', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const who = h('span', { class: 'who' });
  const signOut = h('button', { type: 'button', class: 'sign-out', hidden: true }, 'Sign out');
  const signin = h('div', { class: 'signin' });
  const content = h('div', { class: 'content', hidden: true });
  const root = h(
    'section',
    { id, class: 'panel', role: 'tabpanel', 'aria-labelledby': `tab-${id}`, hidden: true },
    h('header', { class: 'panel-head' }, h('div', {}, h('h2', {}, title), h('p', { class: 'lead' }, lead)), h('div', { class: 'session' }, who, signOut)),
    status,
    activity,
    error,
    signin,
    content,
  );
  return {
    root,
    signin,
    content,
    signOutButton: signOut,
    setStatus(text) {
      setText(status, text);
    },
    /** The outcome of the last thing the user did (kept while the status line refreshes). */
    setActivity(text) {
      setText(activity, text);
    },
    showError(err, context) {
      const text = describeError(err);
      setText(error, context ? `${context}: ${text}` : text);
      error.hidden = false;
    },
    clearError() {
      error.hidden = true;
      setText(error, '');
    },
    /** Switches to the signed-in view; `label` says who (never a secret). */
    signedIn(label) {
      setText(who, label);
      signOut.hidden = false;
      signin.hidden = true;
      content.hidden = false;
      root.dataset.signedIn = 'true';
    },
    signedOut() {
      setText(who, '');
      signOut.hidden = true;
      signin.hidden = false;
      content.hidden = true;
      setText(activity, '');
      delete root.dataset.signedIn;
      setText(status, 'Not signed in.');
    },
  };
}
