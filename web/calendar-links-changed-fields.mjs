// The fields the host page changed since the last pass over them. Gathered as they come (from
// the observer's records, from shadow roots taken in, from fields that came near the view on a
// long page, from automatic fields marked), so that a page that adds and removes thousands of
// fields costs work for those fields only.
import { arrayFrom, isConnected, matches } from "./calendar-links-platform.mjs";

export const changedFields = new Set();

// The changed fields still on the page and still fields (an automatic field's marks may have
// gone since), as an array; forgotten here.
export function takeChangedFields(fieldSelector) {
  const fields = arrayFrom(changedFields).filter((field) => isConnected(field) && matches(field, fieldSelector));
  changedFields.clear();
  return fields;
}
