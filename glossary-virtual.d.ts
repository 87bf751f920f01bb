declare module 'virtual:huantai-glossary/terms' {
  const termList: import('./lib/glossary/types').TermList;
  export default termList;
}
declare module 'virtual:huantai-glossary/entries' {
  const glossary: import('./lib/glossary/types').Glossary;
  export default glossary;
}
declare module 'virtual:huantai-glossary/probe' {
  const probe: import('./lib/scan/probe').ProbeTables;
  export default probe;
}
declare module 'virtual:huantai-glossary/traditional' {
  const traditional: Record<string, import('./lib/glossary/types').TraditionalText>;
  export default traditional;
}
