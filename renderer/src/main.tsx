import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api/client';
import { switchLanguage } from './language';

const api = connectApi();

// The pages speak the main process's language from their first word: its catalogue is loaded before they
// are drawn (English, when the main process cannot be asked or the catalogue cannot be loaded).
async function start() {
  try {
    const info = await api.appInfo();
    await switchLanguage(info.ok ? info.value.language.current : 'en');
  } catch {
    await switchLanguage('en');
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}

void start();
