/** Seed data for the Close fake: realistic names, senders and step layouts. */
export const CLOSE_SEED_SEQUENCES = [
  {
    name: 'Inbound demo follow-up',
    timezone: 'America/New_York',
    steps: [
      { step_type: 'email', delay: 0, email_template_id: 'tmpl_DemoFollowUp1xxxxxxxxxxxxxxxxxxxxxxxxxxxx', threading: 'new_thread' },
      { step_type: 'call', delay: 86400 },
      { step_type: 'email', delay: 259200, email_template_id: 'tmpl_DemoFollowUp2xxxxxxxxxxxxxxxxxxxxxxxxxxxx', threading: 'old_thread' },
    ],
  },
  {
    name: 'Trial expiring nudges',
    timezone: 'Europe/Berlin',
    steps: [
      { step_type: 'sms', delay: 0, sms_template_id: 'smstmpl_TrialNudgexxxxxxxxxxxxxxxxxxxxxxxxxxx' },
      { step_type: 'email', delay: 172800, email_template_id: 'tmpl_TrialExpiringxxxxxxxxxxxxxxxxxxxxxxxxxxx', threading: 'new_thread' },
    ],
  },
  {
    name: 'Closed-lost win-back',
    timezone: 'America/Los_Angeles',
    steps: [{ step_type: 'email', delay: 0, email_template_id: 'tmpl_WinBackxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', threading: 'new_thread' }],
  },
] as const;

/** People the fake subscribes to sequences. */
export const CLOSE_SEED_CONTACTS = [
  ['Ada Lovelace', 'ada@analytical.example'],
  ['Grace Hopper', 'grace@cobol.example'],
  ['Alan Turing', 'alan@bletchley.example'],
  ['Katherine Johnson', 'katherine@nasa.example'],
  ['Edsger Dijkstra', 'edsger@goto.example'],
  ['Barbara Liskov', 'barbara@clu.example'],
] as const;
