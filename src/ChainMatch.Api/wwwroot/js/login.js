// Exchanges an API key for a session cookie (HttpOnly: scripts never hold the key afterwards), then opens the map.
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
    location.href = '/';
    return;
  }
  const problem = await res.json().catch(() => ({}));
  error.textContent = problem.detail || problem.title || `HTTP ${res.status}`;
  error.hidden = false;
});
