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

/**
 * Makes `parent`'s children match `children` (new, detached nodes) by position:
 * a node of the same kind (an element with the same tag, or a text node) is kept
 * and only its texts and attributes that differ change; anything else is
 * replaced. A kept element costs the browser only the style, layout and paint of
 * what changed in it, where a new one costs all of its own.
 */
export function morph(parent, children) {
  const old = [...parent.childNodes];
  children.forEach((child, i) => {
    const current = old[i];
    if (!current) parent.append(child);
    else if (current.nodeType === child.nodeType && current.nodeName === child.nodeName) update(current, child);
    else parent.replaceChild(child, current);
  });
  for (const extra of old.slice(children.length)) extra.remove();
}

function update(current, next) {
  if (current.nodeType !== Node.ELEMENT_NODE) {
    if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
    return;
  }
  for (const { name, value } of next.attributes) if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  for (const { name } of [...current.attributes]) if (!next.hasAttribute(name)) current.removeAttribute(name);
  morph(current, [...next.childNodes]);
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
