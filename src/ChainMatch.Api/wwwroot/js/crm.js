import { apiUrl, deleteJson, getJson, postFile, postJson, putJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { today } from './project.js';

const KINDS = ['visit', 'meeting', 'call', 'event'];

/**
 * The 客商库 tab for the region chosen in the tree: targets going cold, contacts, interactions and promotion events;
 * for roles with write-contacts, the forms to add a contact, log an interaction and record an event.
 */
export async function renderCrm(container, state, isCurrent) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  const region = { region: state.region };
  let stale, contacts, interactions, events, projects;
  try {
    [stale, contacts, interactions, events, projects] = await Promise.all([
      getJson(apiUrl(['crm', 'stale'], { ...region, days: state.staleDays })),
      getJson(apiUrl(['crm', 'contacts'], region)),
      getJson(apiUrl(['crm', 'interactions'], region)),
      getJson(apiUrl(['crm', 'events'], region)),
      state.canReadProjects ? getJson(apiUrl(['projects'], region)) : [],
    ]);
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatCrm'));
    return;
  }
  if (!isCurrent()) return;
  const reload = () => renderCrm(container, state, isCurrent);
  const write = state.canWriteContacts;
  // Firms the region already knows of (its projects and contacts), offered as the firm of a new record.
  const firms = new Map([...projects.map(p => [p.firm, p.firmName]), ...contacts.map(c => [c.firm, c.firmName])]);
  const firmList = h('datalist', { id: 'crm-firms' }, [...firms].map(([id, name]) => h('option', { value: id }, name)));
  const csv = what => [h('a', { class: 'download', href: apiUrl(['crm', `${what}.csv`], region), download: `${what}.csv` }, t('downloadCsv')),
    write ? importButton(what, reload) : null];
  fill(container,
    firmList,
    h('h2', null, t('crmOf', state.regionLabel)),
    h('section', { class: 'crm-stale' },
      h('h3', null, t('staleTitle', state.staleDays ?? 30), ` (${stale.length})`),
      stale.length === 0 ? h('p', { class: 'muted' }, t('noStale')) : table('stale',
        [t('firm'), t('gap'), t('projectStage'), t('owner'), t('lastTouch'), t('daysSince')],
        stale.map(s => ({ id: s.project, cells: [s.firmName, `${s.segmentName} · ${s.regionName}`, t('projectStages')[s.stage], s.ownerTeam, s.lastTouch, s.days] })))),
    h('section', { class: 'crm-contacts' },
      h('h3', null, t('contactsTitle'), ` (${contacts.length}) `, csv('contacts')),
      contacts.length === 0 ? h('p', { class: 'muted' }, t('noContacts')) : contactTable(contacts, write ? reload : null),
      write ? contactForm(state, reload) : null),
    h('section', { class: 'crm-interactions' },
      h('h3', null, t('interactionsTitle'), ` (${interactions.length}) `, csv('interactions')),
      interactions.length === 0 ? h('p', { class: 'muted' }, t('noInteractions')) : interactionTable(interactions),
      write ? interactionForm(state, { contacts, projects }, reload) : null),
    h('section', { class: 'crm-events' },
      h('h3', null, t('eventsTitle'), ` (${events.length}) `, csv('events')),
      events.length === 0 ? h('p', { class: 'muted' }, t('noEvents')) : table('events', [t('date'), t('eventName'), t('eventPlace'), t('firmsMet'), t('owner')],
        events.map(e => ({ id: e.id, cells: [e.date, e.name, e.place, e.firms.map(f => f.name).join('、'), e.ownerTeam] }))),
      write ? eventForm(state, reload) : null));
}

/**
 * A project's firm in the 客商库, for the project page: its contacts and interaction history (as far as the caller's
 * scope reaches), and for roles that may write, a form to log a visit for the project.
 */
export function renderFirmContacts(el, project, state, reload) {
  return renderFirmCrm(el, project.firm, state, reload,
    contacts => state.canWriteContacts ? interactionForm({ ...state, region: project.region }, { contacts, projects: [project], fixed: project }, reload) : null);
}

/**
 * A firm's contacts and interaction history as far as the caller's scope reaches (the firm page, a project's page); for
 * roles with write-contacts, each contact can be edited or removed, and <form> adds what the page offers beside them.
 */
export async function renderFirmCrm(el, firm, state, reload, form = () => null) {
  fill(el, h('h4', null, t('firmContacts')), h('p', { class: 'muted' }, t('loading')));
  let contacts, interactions;
  try {
    [contacts, interactions] = await Promise.all([
      getJson(apiUrl(['crm', 'contacts'], { firm })),
      getJson(apiUrl(['crm', 'interactions'], { firm })),
    ]);
  } catch (e) {
    fill(el);
    showError(e, t('whatCrm'));
    return;
  }
  fill(el,
    h('h4', null, t('firmContacts')),
    contacts.length === 0 ? h('p', { class: 'muted' }, t('noContacts')) : contactTable(contacts, state.canWriteContacts ? reload : null),
    h('h4', null, t('interactionHistory')),
    interactions.length === 0 ? h('p', { class: 'muted' }, t('noInteractions')) : interactionTable(interactions),
    form(contacts));
}

/**
 * Imports a CSV file the user picks into contacts, interactions or events: the file goes as it is (the service reads
 * UTF-8 or GB18030), all or nothing; a refused file shows each bad line and its reason, a good one reloads the tab.
 */
function importButton(what, reload) {
  const picker = h('input', { type: 'file', name: `import-${what}`, accept: '.csv,text/csv', class: 'import-file', hidden: true });
  picker.addEventListener('change', async () => {
    const file = picker.files[0];
    if (!file) return;
    picker.value = '';
    try {
      await postFile(apiUrl(['crm', what, 'import']), file);
    } catch (e) {
      showError(e, t('whatImportCsv'));
      return;
    }
    reload();
  });
  return h('span', { class: 'import' }, h('button', { type: 'button', class: 'import-csv', onclick: () => picker.click() }, t('importCsv')), picker);
}

function table(kind, headers, rows) {
  return h('table', { class: `crm-table crm-${kind}` },
    h('thead', null, h('tr', null, headers.map(x => h('th', null, x)))),
    h('tbody', null, rows.map(r => h('tr', { dataset: { id: r.id } }, r.cells.map(c => h('td', null, c ?? ''))))));
}

/** Contacts; with <reload> (a caller with write-contacts) each row can be edited in place or removed. */
function contactTable(contacts, reload = null) {
  const el = table('contacts',
    [t('contactName'), t('firm'), t('contactTitle'), t('phone'), t('email'), t('owner'), t('consentNote'), ...(reload ? [''] : [])],
    contacts.map(c => ({ id: c.id, cells: [c.name, c.firmName, c.title, c.phone, c.email, c.ownerTeam, c.consentNote] })));
  if (reload) {
    for (const row of el.querySelectorAll('tbody tr')) {
      const contact = contacts.find(c => c.id === row.dataset.id);
      row.append(h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'edit-contact', onclick: () => row.replaceWith(contactEditRow(contact, reload)) }, t('editContact')),
        h('button', { type: 'button', class: 'remove-contact', onclick: () => removeContact(contact, reload) }, t('removeContact'))));
    }
  }
  return el;
}

/** The fields a contact's edit may change, in place of its row. */
function contactEditRow(contact, reload) {
  const f = {
    title: input('title', { value: contact.title ?? '' }), phone: input('phone', { type: 'tel', value: contact.phone ?? '' }),
    email: input('email', { type: 'email', value: contact.email ?? '' }), ownerTeam: input('ownerTeam', { value: contact.ownerTeam, required: true }),
    consentNote: input('consentNote', { value: contact.consentNote, required: true }),
  };
  const save = async e => {
    e.preventDefault();
    try {
      await putJson(apiUrl(['crm', 'contacts', contact.id]), Object.fromEntries(Object.entries(f).map(([k, el]) => [k, value(el)])));
    } catch (error) {
      showError(error, t('whatEditContact'));
      return;
    }
    reload();
  };
  return h('tr', { class: 'contact-edit', dataset: { id: contact.id } }, h('td', { colspan: 8 },
    h('form', { class: 'crm-form contact-edit-form', onsubmit: save },
      h('strong', null, contact.name),
      [['title', 'contactTitle'], ['phone', 'phone'], ['email', 'email'], ['ownerTeam', 'owner'], ['consentNote', 'consentNote']]
        .map(([k, word]) => h('label', null, t(word), ' ', f[k])),
      h('button', { type: 'submit' }, t('save')), h('button', { type: 'button', class: 'cancel', onclick: reload }, t('close')))));
}

/** Consent withdrawn: asked once more, since the person's data is deleted for good. */
async function removeContact(contact, reload) {
  if (!window.confirm(t('confirmRemoveContact', contact.name))) return;
  try {
    await deleteJson(apiUrl(['crm', 'contacts', contact.id]));
  } catch (error) {
    showError(error, t('whatRemoveContact'));
    return;
  }
  reload();
}

const interactionTable = interactions => table('interactions',
  [t('date'), t('interactionKind'), t('firm'), t('who'), t('contactName'), t('notes'), t('nextStep')],
  interactions.map(i => ({ id: i.id, cells: [i.date, t('interactionKinds')[i.kind], i.firmName, i.who, i.contactName, i.notes, i.nextStep] })));

const input = (name, attrs = {}) => h('input', { name, type: 'text', ...attrs });
const value = el => el.value.trim() || null;

async function send(url, body, what, reload) {
  try {
    await postJson(url, body);
  } catch (e) {
    showError(e, what);
    return;
  }
  reload();
}

function contactForm(state, reload) {
  const f = {
    firm: input('firm', { list: 'crm-firms', required: true }), name: input('name', { required: true }), title: input('title'),
    phone: input('phone', { type: 'tel' }), email: input('email', { type: 'email' }), ownerTeam: input('ownerTeam', { value: state.ownerTeam, required: true }),
    consentNote: input('consentNote', { required: true, placeholder: t('consentHint') }),
  };
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['crm', 'contacts']), { region: state.region, ...Object.fromEntries(Object.entries(f).map(([k, el]) => [k, value(el)])) }, t('whatAddContact'), reload);
  };
  return h('form', { class: 'crm-form contact-form', onsubmit: submit },
    h('h4', null, t('addContact')),
    [['firm', 'firm'], ['name', 'contactName'], ['title', 'contactTitle'], ['phone', 'phone'], ['email', 'email'], ['ownerTeam', 'owner'], ['consentNote', 'consentNote']]
      .map(([k, word]) => h('label', null, t(word), ' ', f[k])),
    h('button', { type: 'submit' }, t('save')));
}

/** Logs an interaction; on a project page the firm and project are the project's. */
function interactionForm(state, { contacts, projects, fixed = null }, reload) {
  const kind = h('select', { name: 'kind' }, KINDS.map(k => h('option', { value: k }, t('interactionKinds')[k])));
  const date = input('date', { type: 'date', value: today(), max: today(), required: true });
  const firm = fixed ? null : input('firm', { list: 'crm-firms', required: true });
  const firmOf = () => fixed ? fixed.firm : firm.value.trim();
  const contact = h('select', { name: 'contact' });
  const project = fixed ? null : h('select', { name: 'project' });
  const refill = () => {
    fill(contact, h('option', { value: '' }, '—'), contacts.filter(c => c.firm === firmOf()).map(c => h('option', { value: c.id }, c.name)));
    if (project) fill(project, h('option', { value: '' }, '—'), projects.filter(p => p.firm === firmOf()).map(p => h('option', { value: p.id }, `${p.segmentName} · ${p.regionName}`)));
  };
  firm?.addEventListener('input', refill);
  refill();
  const who = input('who', { required: true }), notes = input('notes', { required: true }), nextStep = input('nextStep');
  const owner = input('ownerTeam', { value: state.ownerTeam, required: true });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['crm', 'interactions']), {
      kind: kind.value, date: date.value, firm: firmOf(), region: state.region, contact: contact.value || null,
      project: fixed ? fixed.id : project.value || null, who: value(who), notes: value(notes), nextStep: value(nextStep), ownerTeam: value(owner),
    }, t('whatLogInteraction'), reload);
  };
  return h('form', { class: 'crm-form interaction-form', onsubmit: submit },
    h('h4', null, t('logInteraction')),
    h('label', null, t('interactionKind'), ' ', kind), h('label', null, t('date'), ' ', date),
    firm ? h('label', null, t('firm'), ' ', firm) : null, h('label', null, t('contactName'), ' ', contact),
    project ? h('label', null, t('projects'), ' ', project) : null,
    h('label', null, t('who'), ' ', who), h('label', null, t('notes'), ' ', notes), h('label', null, t('nextStep'), ' ', nextStep),
    h('label', null, t('owner'), ' ', owner), h('button', { type: 'submit' }, t('save')));
}

function eventForm(state, reload) {
  const name = input('name', { required: true }), date = input('date', { type: 'date', value: today(), required: true });
  const place = input('place', { required: true }), firms = input('firms', { placeholder: t('firmsHint') });
  const owner = input('ownerTeam', { value: state.ownerTeam, required: true });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['crm', 'events']), {
      name: value(name), date: date.value, place: value(place), region: state.region, ownerTeam: value(owner),
      firms: firms.value.split(/[,，、\s]+/).map(x => x.trim()).filter(Boolean),
    }, t('whatAddEvent'), reload);
  };
  return h('form', { class: 'crm-form event-form', onsubmit: submit },
    h('h4', null, t('addEvent')),
    h('label', null, t('eventName'), ' ', name), h('label', null, t('date'), ' ', date), h('label', null, t('eventPlace'), ' ', place),
    h('label', null, t('firmsMet'), ' ', firms), h('label', null, t('owner'), ' ', owner), h('button', { type: 'submit' }, t('save')));
}
