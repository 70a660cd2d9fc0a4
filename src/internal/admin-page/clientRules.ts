/**
 * Client script, part 2: the rule editor of a user key — rows of (content type, CRUD checkboxes,
 * per-field rights "as type / allow / deny").
 */
export const CLIENT_RULES = String.raw`
const RIGHTS = [['canRead', 'Read'], ['canCreate', 'Create'], ['canUpdate', 'Update'], ['canDelete', 'Delete']];
const FIELD_RIGHTS = [['read', 'Read'], ['create', 'Create'], ['update', 'Update']];

function contentTypeOptions(selected) {
  const options = [el('option', { value: '', text: 'Choose a content type…' })];
  for (const type of state.contentTypes) {
    options.push(el('option', { value: type.name, text: type.label + ' (' + type.name + ')', selected: type.name === selected }));
  }
  if (selected && !state.contentTypes.some((type) => type.name === selected)) {
    options.push(el('option', { value: selected, text: selected + ' (does not exist)', selected: true }));
  }
  return options;
}

const fieldsOf = (typeName) => (state.contentTypes.find((type) => type.name === typeName) || { fields: [] }).fields;

/** One tri-state select: "" as the type, "true" allow, "false" deny. */
function triState(label, value) {
  const select = el('select', { 'aria-label': label }, [
    el('option', { value: '', text: 'as type' }),
    el('option', { value: 'true', text: 'allow' }),
    el('option', { value: 'false', text: 'deny' }),
  ]);
  select.value = value === true ? 'true' : value === false ? 'false' : '';
  return select;
}

/** The per-field rights table of one rule; values keyed by field name. */
function fieldRightsTable(typeName, values) {
  const fields = fieldsOf(typeName);
  const selects = {};
  const rows = fields.map((field) => {
    const current = values[field] || {};
    selects[field] = {};
    const cells = FIELD_RIGHTS.map(([right, label]) => {
      const select = triState(label + ' of field ' + field, current[right]);
      selects[field][right] = select;
      return el('td', {}, [select]);
    });
    return el('tr', {}, [el('th', { scope: 'row' }, [el('code', { text: field })])].concat(cells));
  });
  const head = el('tr', {}, [el('th', { text: 'Field' })].concat(FIELD_RIGHTS.map(([, label]) => el('th', { scope: 'col', text: label }))));
  const table = fields.length
    ? el('table', { className: 'field-rights' }, [el('thead', {}, [head]), el('tbody', {}, rows)])
    : el('p', { className: 'muted', text: typeName ? 'This type has no fields.' : 'Choose a content type first.' });
  const read = () => {
    const out = {};
    for (const [field, byRight] of Object.entries(selects)) {
      const rights = {};
      for (const [right, select] of Object.entries(byRight)) rights[right] = select.value === '' ? null : select.value === 'true';
      out[field] = rights;
    }
    return out;
  };
  return { element: table, read };
}

/** One rule row. */
function ruleRow(rule, onRemove) {
  const legend = el('legend', { text: 'Rule' });
  const typeSelect = el('select', {}, contentTypeOptions(rule.contentTypeDefinitionName));
  const boxes = {};
  const rights = RIGHTS.map(([right, label]) => {
    boxes[right] = el('input', { type: 'checkbox', checked: rule[right] === true });
    return el('label', {}, [boxes[right], ' ' + label]);
  });
  const initialFields = {};
  for (const entry of rule.fields || []) initialFields[entry.field] = entry;
  let fieldRights = fieldRightsTable(rule.contentTypeDefinitionName, initialFields);
  const details = el('details', {}, [el('summary', { text: 'Field rights' }), fieldRights.element]);
  const error = el('p', { className: 'row-error', hidden: true });
  typeSelect.addEventListener('change', () => {
    const kept = fieldRights.read();
    fieldRights = fieldRightsTable(typeSelect.value, kept);
    details.replaceChildren(details.firstChild, fieldRights.element);
  });
  const element = el('fieldset', { className: 'rule' }, [
    legend,
    el('div', { className: 'row' }, [
      labelled('Content type', typeSelect),
      el('span', { className: 'rights row', role: 'group', 'aria-label': 'Operations' }, rights),
      el('button', { type: 'button', className: 'danger', text: 'Remove rule', onclick: () => onRemove(row) }),
    ]),
    details,
    error,
  ]);
  const row = {
    element,
    typeSelect,
    setNumber(number) { legend.textContent = 'Rule ' + number; },
    setErrors(messages) {
      error.textContent = messages.join(' ');
      error.hidden = messages.length === 0;
      element.classList.toggle('invalid', messages.length > 0);
      typeSelect.setAttribute('aria-invalid', messages.length > 0 ? 'true' : 'false');
    },
    value() {
      const fields = Object.entries(fieldRights.read())
        .filter(([, rights]) => FIELD_RIGHTS.some(([right]) => rights[right] !== null))
        .map(([field, rights]) => ({ field, read: rights.read, create: rights.create, update: rights.update }));
      const out = { contentTypeDefinitionName: typeSelect.value };
      for (const [right] of RIGHTS) out[right] = boxes[right].checked;
      if (fields.length) out.fields = fields;
      return out;
    },
  };
  return row;
}

/** The editor: rule rows plus "Add rule"; value() gives KeyRuleInput objects. */
function ruleEditor(rules) {
  const list = el('div');
  const empty = el('p', { className: 'muted', text: 'No rules: this key can neither read nor change anything.' });
  let rows = [];
  const renumber = () => {
    rows.forEach((row, index) => row.setNumber(index + 1));
    empty.hidden = rows.length > 0;
  };
  const remove = (row) => {
    rows = rows.filter((other) => other !== row);
    row.element.remove();
    renumber();
  };
  const add = (rule) => {
    const row = ruleRow(rule || {}, remove);
    rows.push(row);
    list.append(row.element);
    renumber();
    return row;
  };
  const addButton = el('button', { type: 'button', text: 'Add rule', onclick: () => add().typeSelect.focus() });
  const element = el('fieldset', { className: 'rules' }, [el('legend', { text: 'Rules' }), empty, list, addButton]);
  const editor = {
    element,
    set(newRules) {
      rows = [];
      list.replaceChildren();
      (newRules || []).forEach((rule) => add(rule));
      renumber();
    },
    value: () => rows.map((row) => row.value()),
    /** Problems found before asking the server (a row without a content type). */
    localProblems() {
      const fields = {};
      rows.forEach((row, index) => {
        if (!row.typeSelect.value) fields['rules[' + index + '].contentTypeDefinitionName'] = ['Choose a content type'];
      });
      return fields;
    },
    /** Puts field-map messages (keys like rules[0].fields.title) next to their rows. */
    showErrors(fields) {
      rows.forEach((row, index) => {
        const prefix = 'rules[' + index + ']';
        const messages = Object.entries(fields || {})
          .filter(([path]) => path === prefix || path.startsWith(prefix + '.'))
          .flatMap(([path, list]) => list.map((message) => (path.startsWith(prefix + '.fields.') ? describePath(path).split(', ')[1] + ': ' : '') + message));
        row.setErrors(messages);
      });
    },
  };
  editor.set(rules);
  return editor;
}
`;
