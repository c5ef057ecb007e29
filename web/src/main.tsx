import { render } from 'preact';
import { App } from './app.js';
import { loadSession } from './session.js';
import './styles.css';

const root = document.getElementById('app')!;
loadSession().then(
  () => render(<App />, root),
  (err: Error) => {
    root.textContent = `Could not reach the server: ${err.message}`;
  },
);

// A printed view shows every evidence drawer, open or not.
addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
});
