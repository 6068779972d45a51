// DOM helpers shared by the form's modules. User text only ever reaches the
// page through textContent, attribute values and form values: h() turns every
// string child into a text node, and nothing in the form uses innerHTML.

/** document.getElementById. */
export const $ = (id) => document.getElementById(id);

/**
 * Creates an element. `attrs` become attributes (null, undefined and false are
 * skipped) except `text` (textContent) and `class`; `children` are nodes or
 * strings, and strings always become text nodes, never markup.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Sets an element's text only when it differs, so live regions do not re-announce. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** A valid, unique element id for a pointer: ('field', '/Tags/0/Key') -> 'field-Tags-0-Key'. */
export const idFor = (prefix, pointer) => prefix + pointer.replace(/[^A-Za-z0-9]/g, (c) => (c === '/' ? '-' : `_${c.codePointAt(0).toString(16)}_`));

/** '/Tags/3/Key' -> '/Tags/*\/Key', the form fields() uses for list items. */
export const patternOf = (pointer) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

export const plural = (count, word) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

/** "2 errors, 1 warning", or '' when there are none. */
export function countText(errors, warnings) {
  const parts = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}
