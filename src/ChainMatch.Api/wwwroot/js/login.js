// Exchanges an API key for a session cookie (HttpOnly: scripts never hold the key afterwards), then opens the caller's home page.
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

form.addEventListener('submit', async e => {
  e.preventDefault();
  error.hidden = true;
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key: document.getElementById('api-key').value.trim() }),
  });
  if (res.ok) {
    // Province and prefecture leaders open on the dashboard; everyone else on the map (the API says which).
    const me = await res.json().catch(() => ({}));
    location.href = me.home === '/dashboard' ? '/dashboard' : '/';
    return;
  }
  const problem = await res.json().catch(() => ({}));
  error.textContent = problem.detail || problem.title || `HTTP ${res.status}`;
  error.hidden = false;
});
