// Words of the 客商库 tab and the project page's contacts, merged into i18n.js's tables.
export const crmWords = {
  zh: {
    tabCrm: '客商库', whatCrm: '客商库', crmOf: r => `客商库：${r} 及下辖地区`,
    staleTitle: n => `跟进提醒：${n} 天以上未接触的目标`, noStale: '没有超期未接触的目标。', lastTouch: '最近接触', daysSince: '距今天数',
    contactsTitle: '联系人', noContacts: '暂无联系人。', interactionsTitle: '走访与洽谈记录', noInteractions: '暂无记录。',
    eventsTitle: '推介会', noEvents: '暂无推介会。', eventName: '名称', eventPlace: '地点', firmsMet: '对接企业',
    firmContacts: '企业联系人', interactionHistory: '接触记录',
    contactName: '联系人', contactTitle: '职务', phone: '电话', email: '邮箱', consentNote: '同意记录',
    consentHint: '何时、以何种方式同意被记录', interactionKind: '方式', interactionKinds: { visit: '走访', meeting: '会谈', call: '电话', event: '活动' },
    who: '参与人员', notes: '洽谈内容', nextStep: '下一步', save: '保存',
    addContact: '新增联系人', logInteraction: '登记走访/洽谈', addEvent: '登记推介会', firmsHint: '企业代码，用逗号分隔',
    whatAddContact: '联系人保存', whatLogInteraction: '走访登记', whatAddEvent: '推介会登记',
    importCsv: '导入 CSV', whatImportCsv: 'CSV 导入',
  },
  en: {
    tabCrm: 'Contacts', whatCrm: 'contacts', crmOf: r => `Contacts: ${r} and below`,
    staleTitle: n => `Going cold: targets untouched for ${n} days or more`, noStale: 'No target has gone cold.', lastTouch: 'Last touch', daysSince: 'Days since',
    contactsTitle: 'Contacts', noContacts: 'No contact yet.', interactionsTitle: 'Visits, meetings and calls', noInteractions: 'Nothing logged yet.',
    eventsTitle: 'Promotion events', noEvents: 'No event yet.', eventName: 'Name', eventPlace: 'Place', firmsMet: 'Firms met',
    firmContacts: "The firm's contacts", interactionHistory: 'Interaction history',
    contactName: 'Contact', contactTitle: 'Title', phone: 'Phone', email: 'E-mail', consentNote: 'Consent',
    consentHint: 'when and how the person agreed to be recorded', interactionKind: 'Kind', interactionKinds: { visit: 'Visit', meeting: 'Meeting', call: 'Call', event: 'Event' },
    who: 'Who took part', notes: 'Notes', nextStep: 'Next step', save: 'Save',
    addContact: 'Add a contact', logInteraction: 'Log a visit or meeting', addEvent: 'Record a promotion event', firmsHint: 'firm ids, comma-separated',
    whatAddContact: 'new contact', whatLogInteraction: 'new interaction', whatAddEvent: 'new event',
    importCsv: 'Import CSV', whatImportCsv: 'CSV import',
  },
};
