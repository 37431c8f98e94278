/** The first run: no connection yet. */
export const welcome = {
  heading: 'Bun venit în Conturi',
  intro: 'Toate conturile dumneavoastră bancare într-un singur loc, citite direct de la bancă prin PSD2. Datele rămân pe acest calculator.',
  demoHeading: 'Încercați banca demo',
  demoText: 'O bancă de test cu date inventate, pe acest calculator. Vă autentificați pe paginile ei, ca la o bancă reală.',
  demoButton: 'Încercați banca demo',
  demoLabel: 'Banca demo',
  cecHeading: 'Conectați CEC Bank',
  cecText: 'Vă autentificați pe pagina CEC Bank și alegeți conturile pe care aplicația le poate citi.',
  cecWizardText: 'Aplicația are nevoie mai întâi de înregistrarea dumneavoastră la CEC Bank (client și certificat).',
  cecButton: 'Conectați CEC Bank',
} as const;
