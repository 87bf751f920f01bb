import { render } from 'preact';
import glossary from 'virtual:huantai-glossary/entries';
import termList from 'virtual:huantai-glossary/terms';
import { GlossaryPage, type GlossaryPageServices } from '../../components/GlossaryPage';
import { createSearchIndex } from '../../lib/search-index';
import '../../components/glossary-ui.css';
import './glossary.css';

const services: GlossaryPageServices = {
  copyText: (text) => navigator.clipboard.writeText(text),
  download: ({ filename, type, content }) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  getHash: () => decodeURIComponent(location.hash.slice(1)),
  setHash: (hash) => {
    location.hash = hash;
  },
  onHashChange: (listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  },
};

const index = createSearchIndex({ glossary, variants: termList.variants });
render(<GlossaryPage glossary={glossary} index={index} services={services} />, document.getElementById('app')!);
