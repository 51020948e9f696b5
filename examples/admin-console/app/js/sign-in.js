// A sign-in form. Secrets (passwords, keys, tokens) live in the form only until the sign-in
// succeeds; then the fields are emptied and the secret stays only inside the opskit client, in
// memory. Nothing is written to storage, the URL or the console.
import { describeError, h } from './dom.js';

/**
 * @typedef {{ name: string, label: string, type: 'url' | 'text' | 'email' | 'password' | 'key',
 *             value?: string, required?: boolean, hint?: string, placeholder?: string }} Field
 *
 * @param {{
 *   id: string,                                  // prefix for element ids
 *   fields: Field[],
 *   submitLabel?: string,
 *   fill?: () => Promise<Record<string, string> | undefined>,  // simulator credentials, if any
 *   onSubmit: (values: Record<string, string>) => Promise<void>,
 * }} spec
 */
export function signInForm({ id, fields, submitLabel = 'Sign in', fill, onSubmit }) {
  const inputs = {};
  const message = h('p', { class: 'form-message', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const rows = fields.map((f) => {
    const inputId = `${id}-${f.name}`;
    let control;
    if (f.type === 'key') {
      // A private key is several lines, which <input type=password> cannot hold; the textarea is
      // masked with CSS instead and never spell-checked or autocompleted.
      control = h('textarea', {
        id: inputId,
        name: f.name,
        class: 'secret',
        rows: 4,
        spellcheck: 'false',
        autocomplete: 'off',
        autocapitalize: 'off',
        required: f.required !== false,
        placeholder: f.placeholder ?? '-----BEGIN OPENSSH PRIVATE KEY-----',
      });
      const picker = h('input', { type: 'file', class: 'visually-hidden', id: `${inputId}-file`, tabindex: -1 });
      picker.addEventListener('change', async () => {
        const file = picker.files?.[0];
        if (file) control.value = await file.text();
        picker.value = '';
      });
      const load = h('button', { type: 'button', class: 'link', onclick: () => picker.click() }, 'Load a key file…');
      inputs[f.name] = control;
      return h('div', { class: 'field' }, h('label', { for: inputId }, f.label), control, h('div', { class: 'field-tools' }, load, picker), f.hint ? h('small', {}, f.hint) : null);
    }
    control = h('input', {
      id: inputId,
      name: f.name,
      type: f.type,
      required: f.required !== false,
      autocomplete: f.type === 'password' ? 'current-password' : f.type === 'email' ? 'username' : 'off',
      spellcheck: 'false',
      placeholder: f.placeholder,
    });
    if (f.value !== undefined) control.value = f.value;
    inputs[f.name] = control;
    return h('div', { class: 'field' }, h('label', { for: inputId }, f.label), control, f.hint ? h('small', {}, f.hint) : null);
  });

  const fillButton = fill
    ? h(
        'button',
        {
          type: 'button',
          class: 'fill',
          onclick: async () => {
            message.textContent = '';
            try {
              const values = await fill();
              if (!values) throw new Error('the console server has no credentials for this simulator');
              for (const [name, value] of Object.entries(values)) if (inputs[name] && value !== undefined) inputs[name].value = value;
            } catch (err) {
              message.textContent = describeError(err);
            }
          },
        },
        'Fill in the simulator’s credentials',
      )
    : null;

  const form = h('form', { id: `${id}-form`, class: 'signin-form', autocomplete: 'off', novalidate: false }, rows, h('div', { class: 'form-actions' }, submit, fillButton), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    const values = Object.fromEntries(Object.entries(inputs).map(([name, el]) => [name, el.value.trim() === '' ? '' : el.type === 'password' || el.tagName === 'TEXTAREA' ? el.value : el.value.trim()]));
    try {
      await onSubmit(values);
      clearSecrets();
    } catch (err) {
      message.textContent = describeError(err);
    } finally {
      submit.disabled = false;
      submit.textContent = submitLabel;
    }
  });

  function clearSecrets() {
    for (const f of fields) if (f.type === 'password' || f.type === 'key') inputs[f.name].value = '';
  }

  return { element: form, inputs, clearSecrets };
}
