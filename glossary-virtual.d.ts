declare module 'virtual:huantai-glossary/terms' {
  const termList: import('./lib/glossary/types').TermList;
  export default termList;
}
declare module 'virtual:huantai-glossary/entries' {
  const glossary: import('./lib/glossary/types').Glossary;
  export default glossary;
}
