// The #request= link: the request, then `&operation=…&task=…` (operation.js)
// and `&locations=…`, each base64url of JSON. Read once at load (and at a
// hashchange), then removed from the address bar; a refused link is put back.
import { decodeBase64Url, encodeBase64Url } from '../pkg/web/form-kit.js';
import { checkDescription } from './check.js';
import { kept, locationsOption } from './locations.js';
import { readFragmentExtra } from './operation.js';

const FRAGMENT_PREFIX = '#request=';
/** After the request, a link carries what the Locations step tells the validator (descriptions without secrets). */
const LOCATIONS_PART = '&locations=';

/**
 * Reads a #request= fragment and removes it from the address bar (from then on
 * the form and localStorage hold the state; a link that is refused is put back,
 * see keepFragment). Null when there is none; otherwise the request's text
 * (null when the link is damaged: not base64url of UTF-8 text) and the
 * Locations step's descriptions as JSON text (null when the link has none, ''
 * when they are damaged).
 */
export function takeFragment() {
  if (!location.hash.startsWith(FRAGMENT_PREFIX)) return null;
  const hash = location.hash;
  history.replaceState(null, '', location.pathname + location.search);
  // The request, then `&` members: the operation and task (operation.js readFragmentExtra), the locations.
  const [data, ...members] = hash.slice(FRAGMENT_PREFIX.length).split('&');
  const locations = new URLSearchParams(members.join('&')).get('locations');
  const decode = (part) => {
    try {
      return decodeBase64Url(part);
    } catch {
      return null;
    }
  };
  return { text: decode(data), locations: locations === null ? null : decode(locations) ?? '', hash };
}

/** Puts a refused link back in the address bar, so the user can look at it or try it again. */
export function keepFragment(hash) {
  history.replaceState(null, '', hash);
}

/**
 * The link to a request; `extra` ('&operation=…', see operation.js
 * fragmentExtra) follows it, then the Locations step's descriptions (older
 * links have neither).
 */
export function shareUrl(text, extra = '') {
  const url = new URL(location.href);
  const locations = locationsOption()?.locations;
  url.hash = `${FRAGMENT_PREFIX}${encodeBase64Url(text)}${extra}${locations ? `${LOCATIONS_PART}${encodeBase64Url(JSON.stringify(locations))}` : ''}`;
  return url.href;
}

/** At most this many location descriptions are read from a link (it describes two ends). */
const LINK_LOCATIONS = 2;

/** A link's location descriptions by ARN (each checked by the validator, as a paste is); null when they cannot be read. */
export function linkLocations(text) {
  const described = new Map();
  if (text === null) return described;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  for (const entry of value.slice(0, LINK_LOCATIONS)) {
    if (checkDescription(entry) === null && typeof entry?.LocationArn === 'string') described.set(entry.LocationArn, kept(entry));
  }
  return described;
}


/** The operation and task a #request= link carries (null when the address has no link). */
export function linkedOperation() {
  return location.hash.startsWith(FRAGMENT_PREFIX) ? readFragmentExtra(location.hash.slice(1), decodeBase64Url) : null;
}
