/*
 * The task page's form (docs/workspace.md): renders the task's Camunda Form with form-js, in the language the
 * server localised it to, and posts the values to the application, which completes the task as the signed-in
 * person. The server checks every rule of the form and answers each refused field in the reader's language;
 * this script shows each answer beside its field, or the confirmation and the next step.
 */
(function () {
  'use strict';

  const formElement = document.getElementById('task-form');
  const container = document.getElementById('form-container');
  const errorsBox = document.getElementById('form-errors');
  const doneBox = document.getElementById('task-done');
  const submitButton = document.getElementById('submit-form');
  const schema = JSON.parse(document.getElementById('form-schema').textContent);
  const data = JSON.parse(document.getElementById('form-data').textContent);
  const csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;

  // field key -> component id, for placing each message beside its field
  const componentIds = {};
  (function collect(components) {
    (components || []).forEach((component) => {
      if (component.key) {
        componentIds[component.key] = component.id;
      }
      collect(component.components);
    });
  })(schema.components);

  const form = new FormViewer.Form({ container: container });
  form.importSchema(schema, data).then(() => {
    document.getElementById('form-loading').remove();
  });

  function fieldElement(key) {
    const id = componentIds[key];
    if (!id) {
      return null;
    }
    // form-js prefixes ids with its own form id: fjs-form-<form>-<component>[-<option>]
    const input = Array.from(container.querySelectorAll('[id]')).find(
      (element) => element.id.endsWith('-' + id) || element.id.includes('-' + id + '-')
    );
    return input ? { input: input, wrapper: input.closest('.fjs-form-field') || input.parentElement } : null;
  }

  function clearErrors() {
    container.querySelectorAll('.lc-field-error').forEach((element) => element.remove());
    container.querySelectorAll('[aria-invalid="true"]').forEach((element) => {
      element.removeAttribute('aria-invalid');
    });
    errorsBox.hidden = true;
    errorsBox.textContent = '';
  }

  function showErrors(answer) {
    const summary = document.createElement('p');
    summary.textContent = answer.message;
    errorsBox.appendChild(summary);
    const list = document.createElement('ul');
    (answer.errors || []).forEach((error) => {
      const found = fieldElement(error.field);
      const item = document.createElement('li');
      if (found) {
        const message = document.createElement('p');
        message.className = 'lc-field-error';
        message.id = 'error-' + error.field;
        message.textContent = error.message;
        found.wrapper.appendChild(message);
        found.wrapper.querySelectorAll('input, textarea, select').forEach((input) => {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', message.id);
        });
        const link = document.createElement('a');
        link.href = '#' + found.input.id;
        const label = found.wrapper.querySelector('label');
        link.textContent = (label ? label.textContent.trim() + ': ' : '') + error.message;
        item.appendChild(link);
      } else {
        item.textContent = error.message;
      }
      list.appendChild(item);
    });
    if (list.children.length > 0) {
      errorsBox.appendChild(list);
    }
    errorsBox.hidden = false;
    errorsBox.focus();
  }

  function showDone(answer) {
    formElement.hidden = true;
    document.getElementById('task-done-message').textContent = answer.message;
    const next = document.getElementById('next-task');
    if (answer.next) {
      next.href = answer.next.url;
      next.textContent = formElement.dataset.next + ': ' + answer.next.title;
      next.hidden = false;
    }
    doneBox.hidden = false;
    doneBox.focus();
  }

  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const result = form.submit();
    const label = submitButton.textContent;
    submitButton.disabled = true;
    submitButton.textContent = formElement.dataset.sending;
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch(formElement.action, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify(result.data)
    })
      .then((response) => response.json().then((answer) => ({ ok: response.ok, answer: answer })))
      .then(({ ok, answer }) => {
        if (ok) {
          showDone(answer);
        } else {
          showErrors(answer);
        }
      })
      .catch(() => showErrors({ message: formElement.dataset.failed }))
      .finally(() => {
        submitButton.disabled = false;
        submitButton.textContent = label;
      });
  });
})();
